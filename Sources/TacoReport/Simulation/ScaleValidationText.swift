import TacoCore

/// The terminal view of `tacoplan simulate --validate`: predicted vs reported time per step, the fit, the verdict
/// and the seed figures the model cannot reproduce.
public enum ScaleValidationText {
    public static func render(_ v: ScaleValidation) -> String {
        func s(_ x: Double?) -> String { x.map { Format.number($0, maxDecimals: 1) + " s" } ?? "never" }
        var out = "Scale test: \(v.test)\nSource: \(v.source)\n"
        out += "Plan: \(v.plan); gateway \(v.nodeType), \(v.podsPerNode) pods per node, pod start \(s(v.podStart))\n"
        out += "Fitted node launch → Ready: \(s(v.fittedNodeStart)) (plan's gateway.node_start: \(s(v.planNodeStart)))"
        out +=
            "; R² over the scale-up steps: " + (v.rSquared.map { Format.number($0, maxDecimals: 3) } ?? "n/a") + "\n\n"
        var t = TextTable(
            [
                "step", "reported", "predicted", "error", "leave-one-out", "tolerance", "pods reported",
                "pods predicted",
                "used in fit",
            ], aligns: [.left, .right, .right, .right, .right, .right, .right, .right, .left])
        for r in v.steps {
            t.add([
                r.step.name, s(r.step.seconds), s(r.predictedSeconds),
                r.error.map { (($0 >= 0) ? "+" : "") + Format.number($0, maxDecimals: 1) + " s" } ?? "–",
                r.leaveOneOutSeconds.map { s($0) + " (" + Format.number($0 - r.step.seconds, maxDecimals: 1) + ")" }
                    ?? "–", "±" + s(r.tolerance), "\(r.step.pods)", "\(r.predictedPods)", r.fitted ? "yes" : "no",
            ])
        }
        out += t.render() + "\n\nVerdict: \(v.verdict.rawValue)\n"
        out += v.reasons.map { "  - \($0)\n" }.joined()
        if !v.cannotReproduce.isEmpty {
            out += "\nSeed figures the model cannot reproduce:\n" + v.cannotReproduce.map { "  - \($0)\n" }.joined()
        }
        return out
    }
}
