/// A ramp at least as long as the window: part of the crowd arrives after the sale closes (Docs/Model.md §1;
/// Docs/Model.md §7.1).
enum RampVsWindowWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let input = facts.input
        let ramp = input.plan.event.ramp.value
        let window = input.plan.event.window.value
        guard ramp >= window else { return [] }
        let late = (ramp - window) / ramp
        return [
            Finding(
                id: "ramp-over-window", severity: .warning, title: "Ramp ≥ window",
                message:
                    "event.ramp is \(Format.number(ramp)) s and the window \(Format.number(window)) s: at a steady join rate \(Format.percent(late)) of users ((ramp − window) ÷ ramp) join after the sale has closed. Fix: a ramp shorter than the window, or a longer window.",
                claim: nil)
        ]
    }
}
