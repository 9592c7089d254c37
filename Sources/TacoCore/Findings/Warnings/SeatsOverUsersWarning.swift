/// More seats than users: at most `users` seats can sell (Docs/Model.md §7.1).
enum SeatsOverUsersWarning: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let input = facts.input
        let e = input.plan.event
        guard e.seats > e.users else { return [] }
        let unsold = e.seats - e.users
        let share = Double(unsold) / Double(e.seats)
        return [
            Finding(
                id: "seats-over-users", severity: .warning, title: "More seats than users",
                message:
                    "\(Format.number(Double(e.seats))) seats for \(Format.number(Double(e.users))) users: even if every user buys one, \(Format.number(Double(unsold))) seats (\(Format.percent(share))) stay unsold, and the seat-drain floor (seats ÷ window) admits faster than there are users. Fix: check event.seats and event.users (seats ≤ users).",
                claim: nil)
        ]
    }
}
