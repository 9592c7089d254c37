import TacoCore

/// A report laid out as parts with one idea each. The Markdown renderer prints every part as a section; the deck
/// renderer prints a main part as exactly one slide with its speaker notes, and an appendix part as one slide per
/// table or chart (long tables continue). Text is raw here; renderers escape it.
public struct ReportPart: Sendable {
    public enum Block: Sendable {
        case text(String)
        case labeled(String, String)
        case table(headers: [String], rows: [[String]], right: Set<Int>)
        case chart(Chart)
        case note(String)
        case bullets([String])
        /// A headline number line (the answer's costs), larger than body text.
        case heading(String)
        /// A picture that is not a bar chart (the architecture flow): the deck shows the SVG, the Markdown
        /// report the SVG and the Mermaid source.
        case diagram(file: String, alt: String, mermaid: String)
    }
    public var title: String
    public var blocks: [Block]
    /// What the slide shows, in a sentence or two, from its numbers (Marp speaker notes); empty in the appendix.
    public var notes: String = ""
    /// Appendix parts (the arithmetic, long tables) may continue over several slides; main parts never do.
    public var appendix: Bool = false
}

/// The report's order: the answer, the architecture with its rates, capacity, cost, levers, validation,
/// the scale sweep, the plan-vs-actual review when a bill window is given, then the appendix with the arithmetic.
public enum ReportOutline {
    public static func parts(_ r: Report) -> [ReportPart] {
        var parts: [ReportPart] = []
        parts += AnswerPart.part(r).map { [$0] } ?? []
        parts += ArchitecturePart.part(r).map { [$0] } ?? []
        parts += CapacityPart.parts(r)
        parts.append(costs(r))
        parts.append(levers(r))
        parts += LeverTablePart.parts(r).main.map { [$0] } ?? []
        parts.append(validation(r))
        parts += SweepPart.parts(r)
        parts += RegionsPart.parts(r)
        parts += simulation(r).prefix(1)
        // The plan-vs-actual review has long tables: it may continue over slides like the appendix.
        parts +=
            ReconciliationSection.part(r).map { p in [ReportPart(title: p.title, blocks: p.blocks, appendix: true)] }
            ?? []
        parts += appendix(r)
        return parts
    }

    /// The arithmetic behind every number, after the main story.
    static func appendix(_ r: Report) -> [ReportPart] {
        var parts = [verdict(r), event(r), admission(r), redisMemory(r), redisCPU(r), gateway(r), dynamo(r)]
        parts.append(
            ReportPart(
                title: "Unit economics and price dates",
                blocks: [
                    .labeled("Unit economics", VerdictText.unitEconomicsLine(r.unitEconomics)),
                    .labeled("Price dates", r.priceDates.summary + " (as of \(r.asOf))"),
                ]))
        parts += costLines(r)
        if let v = r.validation {
            parts.append(
                ReportPart(
                    title: "Validation: the benchmark and every reason",
                    blocks: [.labeled("Benchmark", v.benchmark), .text(v.summary)]))
        }
        parts += LeverTablePart.parts(r).appendix.map { [$0] } ?? []
        parts += SweepPart.appendix(r).map { [$0] } ?? []
        parts += r.observability.map { [RunbookSlide.part($0)] } ?? []
        parts += RegionsPart.appendix(r).map { [$0] } ?? []
        parts += simulation(r).dropFirst()
        parts += r.findings.isEmpty ? [] : [findings(r)]
        return parts.map { p in
            var p = p
            p.title = "Appendix: " + p.title
            p.appendix = true
            return p
        }
    }

    static func figureTable(_ figures: [Figure]) -> ReportPart.Block {
        .table(
            headers: ["figure", "value", "arithmetic"], rows: figures.map { [$0.label, $0.display, $0.arithmetic] },
            right: [1])
    }

    static func chart(_ r: Report, _ id: String) -> ReportPart.Block? {
        if let c = r.charts.first(where: { $0.id == id }) { return .chart(c) }
        if let o = r.omittedCharts.first(where: { $0.id == id }) { return .note("\(o.title): \(o.reason).") }
        return nil
    }

    static func event(_ r: Report) -> ReportPart {
        ReportPart(
            title: "The event and its traffic",
            blocks: [
                .table(
                    headers: ["input", "value", "from"], rows: r.traffic.facts.map { [$0.name, $0.value, $0.origin] },
                    right: [1]),
                figureTable(r.traffic.figures),
            ])
    }

    static func admission(_ r: Report) -> ReportPart {
        let rows = r.admission.criteria.map { c in
            [c.name + (c.binding ? " ◀" : ""), c.role, c.rate, c.arithmetic]
        }
        return ReportPart(
            title: "Admission rate: \(r.admission.rate) (binding: \(r.admission.binding))",
            blocks: [
                .table(headers: ["criterion", "role", "rate", "arithmetic"], rows: rows, right: [2]),
                figureTable(r.admission.figures),
            ])
    }

    static func redisMemory(_ r: Report) -> ReportPart {
        let rows = r.redis.candidates.map { c in
            [c.nodeType + (c.chosen ? " ◀" : ""), c.usableGiB, c.baselineGbps, c.shards, c.nodes, c.hourly, c.note]
        }
        var blocks: [ReportPart.Block] = [
            figureTable(r.redis.figures),
            .table(
                headers: ["node type", "usable GiB", "baseline Gbps", "shards", "nodes", "per hour", "why"], rows: rows,
                right: [1, 2, 3, 4, 5]),
        ]
        if let why = r.redis.infeasible { blocks.append(.labeled("Infeasible", why)) }
        return ReportPart(title: "\(r.redis.engine) cluster: memory, shards and nodes", blocks: blocks)
    }

    static func redisCPU(_ r: Report) -> ReportPart {
        var blocks: [ReportPart.Block] = []
        if let c = r.redis.ceiling { blocks.append(.labeled("Engine-CPU ceiling", c)) }
        blocks.append(
            .table(
                headers: ["node", "count", "engine CPU", "network"],
                rows: r.redis.nodes.map { [$0.role, "\($0.count)", $0.engineCPU, $0.network] }, right: [1, 2, 3]))
        if let c = chart(r, "redis-cpu-per-node") { blocks.append(c) }
        return ReportPart(title: "\(r.redis.engine) engine CPU and network per node", blocks: blocks)
    }

    static func gateway(_ r: Report) -> ReportPart {
        let rows = r.gateway.options.map { o in
            [
                o.nodeType + (o.chosen ? " ◀" : ""), o.architecture, "\(o.podsPerNode)", o.nodes, "\(o.onDemand)",
                "\(o.spot)", o.hourly,
            ]
        }
        return ReportPart(
            title: "Gateway: pods, nodes, Spot split, pre-warm",
            blocks: [
                figureTable(r.gateway.figures),
                .table(
                    headers: ["node type", "arch", "pods/node", "nodes", "On-Demand", "Spot", "per hour"], rows: rows,
                    right: [2, 3, 4, 5, 6]),
                .labeled("Pre-warm", r.gateway.preWarm),
            ])
    }

    static func dynamo(_ r: Report) -> ReportPart {
        ReportPart(
            title: "DynamoDB: ceiling, expected, provisioned",
            blocks: [figureTable(r.dynamodb.figures), .labeled("Cheaper for this event", r.dynamodb.cheaperMode)]
                + r.dynamodb.notes.map { .note($0) })
    }

    static func costs(_ r: Report) -> ReportPart {
        let u = MissingLine.marker(r.costs.missing)
        var blocks: [ReportPart.Block] = [
            .labeled("Per month (as planned)", Format.usd(r.costs.perMonth) + u),
            // The unit economics' event (month ÷ events per month), the answer slide's; then the event hours alone.
            .labeled("Per event", AnswerPart.unitCost(r.unitEconomics.costPerEvent) + u + " (month ÷ events)"),
            .labeled("During the event hours", AnswerPart.unitCost(r.costs.perEvent) + u),
        ]
        if let m = r.costs.failing.first {
            blocks.append(.note("\(m.resource) is INFEASIBLE as planned and keeps its as-planned cost in every total."))
        }
        if let m = MissingLine.sentence(r.costs.missing) { blocks.append(.note(m)) }
        if let c = chart(r, "cost-by-resource") { blocks.append(c) }
        return ReportPart(
            title: "Cost per event and per month", blocks: blocks, notes: SpeakerNotes.costs(r))
    }

    /// Cost lines, at most six to a part so a slide's table fits.
    static func costLines(_ r: Report) -> [ReportPart] {
        let rows = r.costs.lines.map { l in
            [
                l.resource.rawValue, l.component, l.perEvent.map { Format.usd($0, places: 4) } ?? missing(l),
                l.perMonth.map { Format.usd($0) } ?? missing(l), l.arithmetic,
            ]
        }
        let chunks = stride(from: 0, to: rows.count, by: 6).map { Array(rows[$0..<min($0 + 6, rows.count)]) }
        return chunks.enumerated().map { i, chunk in
            ReportPart(
                title: "Cost lines" + (chunks.count > 1 ? " (\(i + 1)/\(chunks.count))" : ""),
                blocks: [
                    .table(
                        headers: ["resource", "component", "per event", "per month", "arithmetic"], rows: chunk,
                        right: [2, 3])
                ])
        }
    }

    static func levers(_ r: Report) -> ReportPart {
        // The cheapest fix is stated on the savings slide whatever it costs (a fix that costs more is no bar).
        let fix = r.answer.flatMap(AnswerPart.fixLine).map { ReportPart.Block.labeled("The fix", $0) }
        guard let l = r.levers else {
            guard r.assessment != nil else {
                return ReportPart(
                    title: "Savings by lever", blocks: chart(r, "savings-by-lever").map { [$0] } ?? [],
                    notes: "No lever was computed for this plan.")
            }
            let why =
                r.assessment?.unreachable.map { "No lever and no fix in the search bounds: \($0)." }
                ?? "No lever: the plan declares no variants and the plan as written is the cheapest configuration that passes."
            return ReportPart(
                title: "Savings by lever", blocks: (fix.map { [$0] } ?? []) + [.text(why)],
                notes: "No lever was computed for this plan.")
        }
        var blocks: [ReportPart.Block] = [
            .labeled("Baseline", "\(l.baseline): \(Format.usd(l.baselinePerMonth)) per month (as planned)")
        ]
        if let fix { blocks.append(fix) }
        if let c = chart(r, "savings-by-lever") {
            blocks.append(c)
        } else {
            blocks.append(.text("No lever saves money against the plan as written."))
        }
        return ReportPart(title: "Savings by lever", blocks: blocks, notes: SpeakerNotes.levers(r))
    }

    static func validation(_ r: Report) -> ReportPart {
        guard let v = r.validation else {
            return ReportPart(
                title: "Validation against the benchmark", blocks: chart(r, "redis-cpu-by-rps").map { [$0] } ?? [],
                notes: "The plan was not validated against the reference load test.")
        }
        // The slide keeps the verdict and its first reason; the benchmark and every reason are in the appendix.
        let sentences = v.summary.components(separatedBy: ". ")
        var blocks: [ReportPart.Block] = [.text(sentences[0] + ".")]
        if sentences.count > 1 {
            let first = sentences[1]
            blocks.append(.text(first.components(separatedBy: " (").first ?? first))
        }
        if let c = chart(r, "redis-cpu-by-rps") { blocks.append(c) }
        return ReportPart(
            title: "Validation against the benchmark", blocks: blocks, notes: SpeakerNotes.validation(v))
    }

    /// Why a line is left out of the totals: "UNPRICED", or "INFEASIBLE" when no configuration fits (the core's
    /// `CostLine.unpriced`, the same rule as `MissingLine.Reason`).
    static func missing(_ l: CostSection.Line) -> String {
        l.unpriced ? "UNPRICED" : "INFEASIBLE"
    }

    /// The verdict first: one answer, its reasons and the evidence it rests on.
    static func verdict(_ r: Report) -> ReportPart {
        let v = r.verdict
        var blocks: [ReportPart.Block] = v.reasons.map { .text("- " + $0) }
        blocks.append(.labeled("Evidence", "\(v.evidence.rung.phrase): \(v.evidence.source)"))
        if let range = v.range { blocks.append(.labeled("Evidence range", range)) }
        return ReportPart(title: "Verdict: \(v.status.rawValue), its reasons and evidence", blocks: blocks)
    }

    /// Findings; titled for claims only when the plan declares claims (a `claims:` section).
    static func findings(_ r: Report) -> ReportPart {
        let rows = r.findings.map { f in [f.severity.rawValue, f.title] + (r.hasClaims ? [f.claim ?? "—"] : []) }
        return ReportPart(
            title: r.hasClaims ? "Findings about the plan's claims" : "Findings",
            blocks: [
                .table(
                    headers: ["severity", "finding"] + (r.hasClaims ? ["claim"] : []), rows: rows, right: [])
            ]
                + r.findings.map { .labeled($0.title, $0.message) })
    }
}
