/// A status poll interval at least as long as the window: a waiting user polls at most once (Docs/Model.md §1;
/// Docs/Model.md §7.1).
enum PollVsWindowWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let input = facts.input
        let poll = input.plan.clients.statusPoll.value
        let window = input.plan.event.window.value
        guard poll >= window else { return [] }
        return [
            Finding(
                id: "poll-over-window", severity: .warning, title: "Status poll interval ≥ window",
                message:
                    "clients.status_poll is \(Format.number(poll)) s and the window \(Format.number(window)) s: a waiting user polls at most \(Format.number(window / poll, maxDecimals: 2)) time(s) before the sale closes, so status traffic (users ÷ poll) is not a steady rate. Fix: a status_poll well below the window (e.g. \(Format.number(max(1, window / 100), maxDecimals: 0)) s), or check the units.",
                claim: nil)
        ]
    }
}
