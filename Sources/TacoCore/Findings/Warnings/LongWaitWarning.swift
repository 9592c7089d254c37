/// The longest wait (users ÷ admission rate) exceeds the plan's `target_wait` (Docs/Model.md §2, §7.1). The fix
/// names the admission rate that meets the target (users ÷ target_wait) and what the binding cap would need to be.
enum LongWaitWarning {
    static func check(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        let event = input.plan.event
        let a = input.plan.admission
        let target = event.targetWait.value
        let wait = e.admission.impliedWait
        guard wait > target, target > 0 else { return [] }
        let needed = Double(event.users) / target
        var fix: String
        switch e.admission.binding {
        case .backendCapacity:
            // cap = capacity × max utilization ÷ calls per admission ≥ needed → capacity ≥ needed × calls ÷ max util.
            let capacity = needed * a.backendCallsPerAdmission / a.maxBackendUtilization
            fix =
                "the backend caps admission: raise backend_capacity from \(Show.n(a.backendCapacity)) to at least \(Show.n(capacity, 0)) RPS (\(Show.rate(needed)) × \(Show.n(a.backendCallsPerAdmission)) calls ÷ \(Show.pct(a.maxBackendUtilization))), or accept a target_wait of \(Show.n(wait, 1)) s"
        case .cost:
            fix =
                "the write budget caps admission: raise admission.write_budget so it allows \(Show.rate(needed)), or accept a target_wait of \(Show.n(wait, 1)) s"
        case .fixed:
            fix =
                "raise the fixed admission rate to at least \(Show.rate(needed)), or accept a target_wait of \(Show.n(wait, 1)) s"
        default:
            fix = "admit at least \(Show.rate(needed)), or accept a target_wait of \(Show.n(wait, 1)) s"
        }
        return [
            Finding(
                id: "wait-above-target", severity: .warning, title: "Longest wait exceeds target_wait",
                message:
                    "At \(Show.rate(e.admission.rate)) (binding: \(e.admission.binding)) the last of \(Show.n(Double(event.users))) users waits \(Show.n(wait, 1)) s, above the plan's target_wait of \(Show.n(target, 1)) s; meeting it needs \(Show.n(Double(event.users))) ÷ \(Show.n(target, 1)) s = \(Show.rate(needed)). Fix: \(fix).",
                claim: nil)
        ]
    }
}
