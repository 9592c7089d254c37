/// Users still queued when the sale window closes: users − admission rate × window (Docs/Model.md §6.0, §7.1).
enum NeverAdmittedWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let (e, input) = facts
        let t = e.timeline
        guard t.notAdmittedInWindow >= 1 else { return [] }
        let share = t.notAdmittedInWindow / t.users
        let rateNeeded = t.users / t.window
        var msg =
            "At \(Show.rate(e.admission.rate)) the \(Show.secs(input.plan.event.window)) window admits \(Show.n(t.admittedInWindow, 0)) of \(Show.n(t.users, 0)) users: \(Show.n(t.notAdmittedInWindow, 0)) (\(Show.pct(share))) are never admitted while it is open (the queue drains after \(Show.n(t.drain, 0)) s)."
        if t.drain > EventTimeline.maxEventSeconds {
            msg +=
                " The event is charged for at most \(Show.n(EventTimeline.maxEventSeconds, 0)) s; \(Show.n(t.users - t.admitted, 0)) users are not admitted even then."
        } else {
            msg +=
                " Compute is charged and writes are counted until the queue drains (\(Show.n(t.eventHours, 2)) h)."
        }
        msg +=
            " Fix: admit \(Show.n(t.users, 0)) ÷ \(Show.n(t.window, 0)) s = \(Show.rate(rateNeeded)), lengthen the window to \(Show.n(t.drain, 0)) s, or cap the queue at the users it can serve."
        return [
            Finding(
                id: "never-admitted", severity: .warning, title: "Users never admitted in the window", message: msg,
                claim: nil)
        ]
    }
}
