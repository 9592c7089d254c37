import TacoCore

/// `explain`: every figure with its formula, the arithmetic, and the origin of each input.
public enum ExplainText {
    public static func render(_ e: Estimate, only: String? = nil, style: Style) -> String {
        var out = [style.heading("tacoplan explain — \(e.plan)") + "  (\(e.region), prices as of \(e.asOf))", ""]
        for f in selected(e, only: only) {
            out.append(style.heading("\(f.label)") + " [\(f.id)] = \(f.display)")
            out.append("  formula:    \(f.formula)")
            out.append("  arithmetic: \(f.arithmetic)")
            for i in f.inputs {
                out.append("  • \(i.name) = \(i.value)  ← \(i.origin)")
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The figures `--only` selects: those whose id starts with `only`, every figure when nil.
    public static func selected(_ e: Estimate, only: String?) -> [Figure] {
        guard let only else { return e.figures }
        return e.figures.filter { $0.id.hasPrefix(only) }
    }
}
