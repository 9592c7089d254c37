import ArgumentParser
import TacoApp

/// The bill window `reconcile` (and `report --from/--to`) reconciles a plan against.
struct BillWindowOptions: ParsableArguments {
    @Option(
        help:
            "Start of the window (UTC), e.g. 2026-11-27 or 2026-11-27T00:00:00Z; rows whose charge period starts from here."
    )
    var from: String?

    @Option(help: "End of the window (UTC, exclusive).")
    var to: String?

    @Option(help: "Only rows carrying this tag, KEY=VALUE (repeatable; all must match).")
    var tag: [String] = []

    @Option(help: "Only rows of this billing account or sub-account id.")
    var account: String?

    @Option(
        help:
            "Sales held in the window (event-only cost lines are planned once per sale; default: the plan's events per month over the window)."
    )
    var events: Int?

    @Option(help: "Users actually admitted in the window, for cost per admitted user (default: the plan's).")
    var admitted: Int?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, BillInstant(text: value) == nil {
                throw ValidationError(
                    "\(name) '\(value)' is not a UTC date-time; write 2026-11-27 or 2026-11-27T00:00:00Z")
            }
        }
        if let a = from.flatMap(BillInstant.init(text:)), let b = to.flatMap(BillInstant.init(text:)), b <= a {
            throw ValidationError("--to must be after --from")
        }
        if (from == nil) != (to == nil) {
            throw ValidationError("give both --from and --to (UTC), e.g. --from 2026-11-27 --to 2026-11-28")
        }
        if let events, events < 0 { throw ValidationError("--events must be 0 or more") }
        if let admitted, admitted < 0 { throw ValidationError("--admitted must be 0 or more") }
        for t in tag where !t.contains("=") || t.hasPrefix("=") {
            throw ValidationError("--tag '\(Excerpt.quoted(t))' is not KEY=VALUE, e.g. --tag event=sale-42")
        }
        for t in tag + [account].compactMap({ $0 })
        where t.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw ValidationError("--tag/--account '\(Excerpt.quoted(t))' contains a control character")
        }
    }

    /// The window as the use cases take it; nil when no window was given.
    var window: BillWindow? {
        guard let from = from.flatMap(BillInstant.init(text:)), let to = to.flatMap(BillInstant.init(text:)) else {
            return nil
        }
        let tags = tag.map { t in
            let parts = t.split(separator: "=", maxSplits: 1)
            return (key: String(parts[0]), value: parts.count > 1 ? String(parts[1]) : "")
        }
        return BillWindow(from: from, to: to, tags: tags, account: account, events: events, admitted: admitted)
    }
}
