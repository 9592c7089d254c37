import TacoCore

/// The scale sweep: cost per event from 0.25× to 4× the crowd (chart and table), then where the plan breaks
/// (one row per break point, at most `maxBreakRows` on the slide; the full before → after is in the appendix).
enum SweepPart {
    /// Rows of the break-point slide: a full-width table of 8 rows fits a 720-px slide at 16 px.
    static let maxBreakRows = 8

    static func parts(_ r: Report) -> [ReportPart] {
        guard let s = r.sweep else { return [] }
        let cost = ReportPart(
            title: "As the crowd grows: \(Format.number(s.from)) → \(Format.number(s.to)) users",
            blocks: ReportOutline.chart(r, "scale-sweep").map { [$0] } ?? [], notes: SpeakerNotes.sweep(s))
        let shown = s.breaks.prefix(maxBreakRows)
        var blocks: [ReportPart.Block] = []
        if s.breaks.isEmpty {
            blocks.append(.text("No resource changes shape and no constraint starts binding over the range."))
        } else {
            blocks.append(
                .table(
                    headers: ["from users", "resource", "what changes"],
                    rows: shown.map { [Format.number(Double($0.users)), $0.resource, change($0)] }, right: [0]))
        }
        if s.breaks.count > shown.count {
            blocks.append(.note("\(s.breaks.count - shown.count) more break points in the appendix."))
        }
        let breaks = ReportPart(
            title: "Where the plan changes shape", blocks: blocks, notes: SpeakerNotes.breaks(s))
        return [cost, breaks]
    }

    /// Every break point with its full before → after, for the appendix.
    static func appendix(_ r: Report) -> ReportPart? {
        guard let s = r.sweep, !s.breaks.isEmpty else { return nil }
        return ReportPart(
            title: "Scale sweep: every break point",
            blocks: [
                .table(
                    headers: ["from users", "status/s", "resource", "before", "after"],
                    rows: s.breaks.map {
                        [
                            Format.number(Double($0.users)), Format.number($0.statusRPS, maxDecimals: 0), $0.resource,
                            "\($0.before) (\($0.bindingBefore))", "\($0.after) (\($0.bindingAfter))",
                        ]
                    }, right: [0, 1])
            ])
    }

    /// What changes at a break point, in a line: the new shape, or the constraint that now binds.
    static func change(_ b: BreakPoint) -> String {
        b.before == b.after
            ? "now bound by \(b.bindingAfter.replacingOccurrences(of: "_", with: " "))"
            : "becomes \(b.after)"
    }
}
