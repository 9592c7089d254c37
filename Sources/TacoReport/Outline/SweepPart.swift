import TacoCore

/// The scale sweep: cost per event from 0.25× to 4× the crowd (chart) in the main deck, its first break point in
/// the speaker notes; every break point with its full before → after in the appendix (the main deck keeps to the
/// FinOps part's 10–12 slides, and "To reach 100k RPS" already names the first break on the way).
enum SweepPart {
    static func parts(_ r: Report) -> [ReportPart] {
        guard let s = r.sweep else { return [] }
        let cost = ReportPart(
            title: "As the crowd grows: \(Format.number(s.from)) → \(Format.number(s.to)) users",
            blocks: ReportOutline.chart(r, "scale-sweep").map { [$0] } ?? [],
            notes: SpeakerNotes.sweep(s) + " " + SpeakerNotes.breaks(s))
        return [cost]
    }

    /// Every break point with its full before → after, for the appendix.
    static func appendix(_ r: Report) -> ReportPart? {
        guard let s = r.sweep, !s.breaks.isEmpty else { return nil }
        return ReportPart(
            title: "Where the plan changes shape: every break point",
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
