/// The version `tacoplan --version` prints: the one place it is written. Semantic versioning; 0.x while the plan
/// format and the JSON schema may still change between releases.
public enum TacoplanVersion {
    public static let current = "0.1.0"
}
