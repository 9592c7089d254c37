import TacoCore

/// The footer under `estimate` and `search` tables: which variant was estimated and which others the plan has.
public enum VariantFooter {
    public static func render(family: PlanFamily, variant: PlanVariant?) -> String {
        var out = ""
        if let variant {
            out += "Variant '\(variant.name)'" + (variant.about.map { ": \($0)" } ?? "")
            out += variant.overrides.isEmpty ? "\n" : " (overrides \(variant.overrides.joined(separator: ", ")))\n"
        }
        let names = family.variants.map(\.name)
        if !names.isEmpty {
            out += "Variants of this plan: \(names.joined(separator: ", ")) (pick one with --variant NAME)\n"
        }
        if family.chain.count > 1 { out += "Extends: \(family.chain.joined(separator: " → "))\n" }
        return out
    }
}
