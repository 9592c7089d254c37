import TacoCore

/// The deck's multi-region slides: the deployment per region with the topologies side by side, and
/// "to reach 100k RPS" for one region and every topology.
enum RegionsPart {
    /// Every region's UNPRICED lines with the exact command that fetches them, for the appendix.
    static func appendix(_ r: Report) -> ReportPart? {
        guard let d = r.regions?.deployment, !d.unpricedRegions.isEmpty else { return nil }
        return ReportPart(
            title: "Regions: UNPRICED lines and how to fetch them",
            blocks: [
                .table(
                    headers: ["region", "UNPRICED lines", "fetch"],
                    rows: d.unpricedRegions.map { [$0.region, $0.missing.joined(separator: "; "), $0.fetch] },
                    right: [])
            ])
    }

    static func parts(_ r: Report) -> [ReportPart] {
        var parts: [ReportPart] = []
        if let g = r.regions {
            let d = g.deployment
            let t = RegionsText.sitesTable(d)
            let c = RegionsText.comparisonTable(g.topologies, planned: d.topology)
            var blocks: [ReportPart.Block] = [
                .table(
                    headers: Array(t.headers.prefix(8)), rows: t.rows.map { Array($0.prefix(8)) },
                    right: [1, 2, 3, 6, 7]),
                .table(headers: c.headers, rows: c.rows, right: [1, 2, 3, 4, 5]),
            ]
            let fix = g.fix.map { "Fix of the whole deployment: " + $0.short }
            let note = [fix, d.unpricedShort].compactMap { $0 }.joined(separator: ". ")
            if !note.isEmpty { blocks.append(.note(note)) }
            parts.append(
                ReportPart(
                    title: "Regions: \(d.topology.rawValue) from \(d.home), and the other topologies", blocks: blocks,
                    notes: g.topologies.map { "\($0.topology.rawValue): \($0.budget.fairness)." }.joined(separator: " ")
                ))
        }
        if let reach = r.reach {
            let s = reach.single
            // The fix and each topology's first reason are sentences: below the table at full width, not in a
            // narrow column (a column of them overflows the slide).
            var rows: [[String]] = [
                [
                    "one region (\(r.region))", Format.number(Double(s.point.users)), s.point.verdict.rawValue,
                    Format.usd(s.point.perEvent) + (s.point.unpricedLines > 0 ? " + UNPRICED" : ""),
                    Format.usd(s.point.perMonth),
                ]
            ]
            var why: [String] = []
            if let fix = s.fixShort { why.append("one region: \(fix)") }
            for t in reach.topologies {
                rows.append([
                    t.topology.rawValue, Format.number(Double(t.sites.reduce(0) { $0 + $1.users })), t.status.rawValue,
                    Format.usd(t.totals.perEvent) + t.totals.marker, Format.usd(t.totals.perMonth),
                ])
                if let f = reach.fixes?.first(where: { $0.topology == t.topology }) {
                    why.append(
                        "\(t.topology.rawValue) with its fix: "
                            + (f.parts.isEmpty ? "no change" : f.parts.map(\.short).joined(separator: "; "))
                            + " — \(f.price)")
                } else if let reason = t.reasons.first {
                    why.append("\(t.topology.rawValue): \(reason)")
                }
            }
            let title = "To reach \(Format.number(s.targetRPS, maxDecimals: 0)) RPS"
            var table: [ReportPart.Block] = [
                .table(
                    headers: ["deployment", "users", "verdict", "per event", "per month"], rows: rows, right: [1, 3, 4])
            ]
            if !why.isEmpty { table += [.labeled("Fix / first reason", ""), .bullets(why)] }
            parts.append(ReportPart(title: title, blocks: table, notes: s.summary))
            // What breaks on the way and the configuration at the goal on a slide of their own: with the table they
            // overflow one 720-px slide (scripts/check-slides on the K-pop tour's deck).
            var blocks: [ReportPart.Block] = []
            if let b = s.firstBreak { blocks.append(.labeled("First break on the way", b.summary)) }
            if let v = s.firstVerdictChange, v != s.firstBreak {
                blocks.append(
                    .labeled(
                        "First verdict change", "\(v.before) → \(v.after) from \(Format.number(Double(v.users))) users")
                )
            }
            if let f = s.infeasibleFrom {
                blocks.append(
                    .labeled(
                        "INFEASIBLE as written from",
                        "\(Format.number(f.gatewayRPS ?? 0, maxDecimals: 0)) gateway req/s (\(Format.number(Double(f.users))) users)"
                    ))
            }
            blocks.append(.labeled("Configuration at the goal", s.configuration))
            if let fix = s.fixShort { blocks.append(.note("Fix at the goal: \(fix).")) }
            parts.append(ReportPart(title: title + ": on the way and at the goal", blocks: blocks, notes: s.summary))
        }
        return parts
    }
}
