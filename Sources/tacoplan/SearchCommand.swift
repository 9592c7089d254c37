import ArgumentParser
import Foundation
import TacoCore
import TacoReport

/// `tacoplan search`: the cheapest feasible configuration of each resource within the plan's `search:` bounds,
/// the next-cheapest alternatives, and every cheaper configuration that was rejected with its binding constraint.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the cheapest feasible configuration within the plan's search bounds, with the alternatives.",
        discussion: """
            Enumerates every combination inside the plan's `search:` section (Docs/PlanSpec.md): Redis node types, \
            shards, replicas and queue partitions; gateway node types and Spot shares; the DynamoDB mode. Each is \
            checked against every constraint; the cheapest feasible one per resource is chosen (per month or per \
            event, as `search.objective` says). Exits 5 when a resource has no feasible configuration.
            """)

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "How many feasible alternatives to list per resource (the chosen one included).")
    var top: Int = 3

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1, found \(top)") }
    }

    func run() throws {
        try reporting {
            let loaded = try PlanLoader(options: options).loadPlan()
            let input = try calibration.apply(to: loaded.input, costsFile: options.costs)
            let space = SearchSpace.of(input.plan, book: input.book)
            let result = ConfigSearch.run(input, space: space, objective: input.plan.search.objective)
            let document = SearchDocument(loaded, space: space, result: result, top: top)
            switch format {
            case .json: Terminal.out(try document.json())
            case .table:
                Terminal.out(SearchText.render(document, style: Style(enabled: Terminal.colour)))
                let footer = loaded.variantFooter
                if !footer.isEmpty { Terminal.out("\n" + footer) }
            }
            if !document.feasible {
                let missing = document.resources.filter { $0.chosen == nil }.map(\.resource)
                throw Failure(
                    code: 5,
                    lines: [
                        "infeasible: no \(missing.joined(separator: ", ")) configuration within the search bounds meets every constraint (see the rejections above)"
                    ])
            }
        }
    }
}

/// The JSON form of a search: versioned, money as decimal strings, keys sorted, deterministic.
struct SearchDocument: Codable {
    static let currentSchema = "tacoplan.search/1"

    struct Option: Codable {
        var configuration: String
        var nodes: Int
        var hourly: Money?
        var cost: Money?
        /// Cost minus the chosen configuration's cost (negative for a cheaper rejected one).
        var versusChosen: Money?
        var rejectedBy: String?
        var detail: String
    }

    struct Resource: Codable {
        var resource: String
        var evaluated: Int
        var chosen: Option?
        var alternatives: [Option]
        var rejectedCheaper: [Option]
    }

    var schema = SearchDocument.currentSchema
    var plan: String
    var file: String
    var variant: String?
    var asOf: String
    var objective: String
    var space: SearchSpace
    var evaluated: Int
    var combinations: Double
    var feasible: Bool
    /// The fixed cost of the objective (the EKS control plane).
    var fixed: Money
    var total: Money?
    var resources: [Resource]
    var warnings: [String]

    init(_ loaded: LoadedPlan, space: SearchSpace, result: SearchResult, top: Int) {
        plan = loaded.input.plan.name
        file = loaded.family.file
        variant = loaded.variant?.name
        asOf = loaded.input.asOf.description
        objective = result.objective.rawValue
        self.space = space
        evaluated = result.evaluated
        combinations = result.combinations
        fixed = result.fixed
        total = result.total
        warnings = result.warnings
        let chosen: [String: SearchOption?] = [
            "redis": result.chosenRedis, "gateway": result.chosenGateway, "dynamodb": result.chosenDynamo,
        ]
        resources = ["redis", "gateway", "dynamodb"].map { name in
            let pick = chosen[name] ?? nil
            func option(_ o: SearchOption) -> Option {
                var versus: Money?
                if let c = o.cost, let best = pick?.cost { versus = c - best }
                return Option(
                    configuration: o.configuration, nodes: o.nodes, hourly: o.hourly, cost: o.cost,
                    versusChosen: versus, rejectedBy: o.rejectedBy, detail: o.detail)
            }
            let all = name == "redis" ? result.redis : (name == "gateway" ? result.gateway : result.dynamodb)
            return Resource(
                resource: name, evaluated: all.count, chosen: pick.map(option),
                alternatives: result.top(name, top).map(option),
                rejectedCheaper: result.rejectedCheaper(name).map(option))
        }
        feasible = resources.allSatisfy { $0.chosen != nil }
    }

    func json() throws -> String {
        try StableJSON.encode(self)
    }
}

/// The terminal form: the chosen configuration per resource, the alternatives, and the cheaper rejections.
enum SearchText {
    /// Rejected cheaper configurations listed per resource in the table (JSON lists them all).
    static let rejectedShown = 10

    static func render(_ d: SearchDocument, style: Style) -> String {
        let per = d.objective == SearchObjective.perEvent.rawValue ? "per event" : "per month"
        var out = style.heading("Search: \(d.plan)" + (d.variant.map { " [variant \($0)]" } ?? "")) + "\n"
        out += "  cheapest \(per), prices as of \(d.asOf); \(Format.grouped(Double(d.evaluated))) configurations "
        out += "evaluated (\(Format.grouped(d.combinations)) combinations covered)\n"
        out += "  space: \(describe(d.space))\n\n"

        var chosen = TextTable(["resource", "configuration", "nodes", per], aligns: [.left, .left, .right, .right])
        for r in d.resources {
            if let c = r.chosen {
                chosen.add([r.resource, c.configuration, String(c.nodes), c.cost.map(money) ?? "UNPRICED"])
            } else {
                chosen.add([r.resource, style.bad("INFEASIBLE") + " (\(r.evaluated) evaluated)", "—", "—"])
            }
        }
        chosen.add(["eks", "control plane (fixed)", "—", money(d.fixed)])
        chosen.add(["total", "", "", d.total.map(money) ?? "—"])
        out += style.heading("Chosen") + "\n" + chosen.render() + "\n"

        for r in d.resources {
            out += "\n" + style.heading("\(r.resource): top \(r.alternatives.count) feasible") + "\n"
            if r.alternatives.isEmpty {
                out += "  none\n"
            } else {
                var t = TextTable(
                    ["#", "configuration", "nodes", per, "vs chosen", "detail"],
                    aligns: [.right, .left, .right, .right, .right, .left])
                for (i, o) in r.alternatives.enumerated() {
                    t.add([
                        String(i + 1), o.configuration, String(o.nodes), o.cost.map(money) ?? "UNPRICED",
                        o.versusChosen.map(signed) ?? "—", o.detail,
                    ])
                }
                out += t.render() + "\n"
            }
            if r.rejectedCheaper.isEmpty { continue }
            let cheaper = r.chosen == nil ? "" : "cheaper "
            out +=
                style.heading("\(r.resource): \(r.rejectedCheaper.count) \(cheaper)configuration(s) rejected") + "\n"
            var t = TextTable(
                ["configuration", per, "vs chosen", "binding constraint", "by how much"],
                aligns: [.left, .right, .right, .left, .left])
            for o in r.rejectedCheaper.prefix(rejectedShown) {
                t.add([
                    o.configuration, o.cost.map(money) ?? "—", o.versusChosen.map(signed) ?? "—", o.rejectedBy ?? "",
                    o.detail,
                ])
            }
            out += t.render() + "\n"
            if r.rejectedCheaper.count > rejectedShown {
                out += "  … and \(r.rejectedCheaper.count - rejectedShown) more (--format json lists them all)\n"
            }
        }
        if !d.warnings.isEmpty {
            out += "\n" + style.heading("Warnings") + "\n"
            for w in d.warnings { out += "  - " + style.warn(w) + "\n" }
        }
        return out
    }

    static func money(_ m: Money) -> String { Format.usd(m) }

    static func signed(_ m: Money) -> String { (m.amount > 0 ? "+" : "") + Format.usd(m) }

    static func describe(_ s: SearchSpace) -> String {
        func range(_ r: ClosedRange<Int>) -> String {
            r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)-\(r.upperBound)"
        }
        let partitions = s.queuePartitions.map(String.init).joined(separator: ", ")
        let shares = s.spotShares.map { Format.percent($0) }.joined(separator: ", ")
        return "redis \(s.cacheTypes.joined(separator: ", ")) × shards \(range(s.shards)) × replicas "
            + "\(range(s.replicas)) × partitions \(partitions); gateway \(s.gatewayTypes.joined(separator: ", ")) "
            + "× Spot \(shares); dynamodb \(s.dynamoModes.map(\.rawValue).joined(separator: ", "))"
    }
}
