/// The longest wait (users ÷ admission rate) exceeds the plan's `target_wait` (Docs/Model.md §2, §7.1). The fix
/// names the admission rate that meets the target (users ÷ target_wait) and what the binding cap would need to be.
enum LongWaitWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
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
                "the backend caps admission: raise backend_capacity from \(Format.number(a.backendCapacity)) to at least \(Format.number(capacity, maxDecimals: 0)) RPS (\(Format.rate(needed)) × \(Format.number(a.backendCallsPerAdmission)) calls ÷ \(Format.percent(a.maxBackendUtilization))), or accept a target_wait of \(Format.number(wait, maxDecimals: 1)) s"
        case .cost:
            fix =
                "the write budget caps admission: raise admission.write_budget so it allows \(Format.rate(needed)), or accept a target_wait of \(Format.number(wait, maxDecimals: 1)) s"
        case .fixed:
            fix =
                "raise the fixed admission rate to at least \(Format.rate(needed)), or accept a target_wait of \(Format.number(wait, maxDecimals: 1)) s"
        default:
            fix =
                "admit at least \(Format.rate(needed)), or accept a target_wait of \(Format.number(wait, maxDecimals: 1)) s"
        }
        return [
            Finding(
                id: "wait-above-target", severity: .warning, title: "Longest wait exceeds target_wait",
                message:
                    "At \(Format.rate(e.admission.rate)) (binding: \(e.admission.binding)) the last of \(Format.number(Double(event.users))) users waits \(Format.number(wait, maxDecimals: 1)) s, above the plan's target_wait of \(Format.number(target, maxDecimals: 1)) s; meeting it needs \(Format.number(Double(event.users))) ÷ \(Format.number(target, maxDecimals: 1)) s = \(Format.rate(needed)). Fix: \(fix).",
                claim: nil)
        ]
    }
}
