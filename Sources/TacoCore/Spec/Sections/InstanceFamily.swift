import Yams

/// The family of a node type: `cache.m7g.xlarge` → `m7g`, `c7g.2xlarge` → `c7g`.
public enum InstanceFamily {
    public static func of(_ type: String) -> String {
        let bare = type.hasPrefix("cache.") ? String(type.dropFirst("cache.".count)) : type
        return String(bare.split(separator: ".").first ?? Substring(bare))
    }
}
