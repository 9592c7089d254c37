/// Users still queued when the sale window closes: users − admission rate × window (Docs/Model.md §6.0, §7.1).
enum NeverAdmittedWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        let t = e.timeline
        guard t.notAdmittedInWindow >= 1 else { return [] }
        let share = t.notAdmittedInWindow / t.users
        let rateNeeded = t.users / t.window
        var msg =
            "At \(Format.rate(e.admission.rate)) the \(Format.seconds(input.plan.event.window)) window admits \(Format.number(t.admittedInWindow, maxDecimals: 0)) of \(Format.number(t.users, maxDecimals: 0)) users: \(Format.number(t.notAdmittedInWindow, maxDecimals: 0)) (\(Format.percent(share))) are never admitted while it is open (the queue drains after \(Format.number(t.drain, maxDecimals: 0)) s)."
        if t.drain > EventTimeline.maxEventSeconds {
            msg +=
                " The event is charged for at most \(Format.number(EventTimeline.maxEventSeconds, maxDecimals: 0)) s; \(Format.number(t.users - t.admitted, maxDecimals: 0)) users are not admitted even then."
        } else {
            msg +=
                " Compute is charged and writes are counted until the queue drains (\(Format.number(t.eventHours, maxDecimals: 2)) h)."
        }
        msg +=
            " Fix: admit \(Format.number(t.users, maxDecimals: 0)) ÷ \(Format.number(t.window, maxDecimals: 0)) s = \(Format.rate(rateNeeded)), lengthen the window to \(Format.number(t.drain, maxDecimals: 0)) s, or cap the queue at the users it can serve."
        return [
            Finding(
                id: "never-admitted", severity: .warning, title: "Users never admitted in the window", message: msg,
                claim: nil)
        ]
    }
}
