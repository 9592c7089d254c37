import Foundation

/// The cheapest change that makes a whole multi-region deployment pass (Docs/Model.md "Regions"): one
/// topology, and for each part of it that fails the single-region cheapest-fix search (`CheapestFix`) with that
/// part's own crowd, evidence and prices — the shared queue on the whole crowd in the home region, or each failing
/// region's own queue and gateway — then the whole deployment priced again with those changes applied.
public struct DeploymentFix: Codable, Hashable, Sendable {
    /// What one part of the deployment changes.
    public struct Part: Codable, Hashable, Sendable {
        /// "shared queue (ap-northeast-2)" or a region of a per-region-queues deployment.
        public var scope: String
        /// The region whose prices priced the search (the home region for the shared queue).
        public var priceRegion: String
        public var changes: [CheapestFix.Change]
        /// The part's verdict with its fix (FEASIBLE, or AT RISK when nothing in the bounds is FEASIBLE;
        /// INFEASIBLE when no configuration passes).
        public var status: VerdictStatus
        /// The fixed part's Redis cluster: "25 × cache.m7g.xlarge" (or "—").
        public var redis: String
        /// Set when no configuration that passes has a price: the command that fetches the part's prices.
        public var unpricedFetch: String?
        /// Set when no configuration in the bounds passes: the constraint none meets.
        public var unreachable: String?

        /// The same for a slide, without the fetch command (the total's "+ N UNPRICED" says a price is missing and
        /// the appendix lists the commands).
        public var short: String {
            let what = changes.isEmpty ? "no change" : changes.map(\.text).joined(separator: "; ")
            return "\(scope): \(what)" + (unreachable.map { " (no configuration passes: \($0))" } ?? "")
        }

        /// "ap-northeast-1: +1 read replica per shard: 1 → 2 (5 → 10 nodes)" or "…: no change".
        public var summary: String {
            let what = changes.isEmpty ? "no change" : changes.map(\.text).joined(separator: "; ")
            return "\(scope): \(what)" + (unpricedFetch.map { " (UNPRICED — fetch: `\($0)`)" } ?? "")
                + (unreachable.map { " (no configuration passes: \($0))" } ?? "")
        }
    }

    public var topology: QueueTopology
    /// The topology the plan asked for (the fix names a change of topology against it).
    public var plannedTopology: QueueTopology
    /// The parts that were searched (failing ones); empty when the topology passes as written.
    public var parts: [Part]
    /// The whole deployment with the fix applied: every region, the inter-region transfer, its verdict.
    public var deployment: RegionalDeployment
    /// Fix − as planned, per month and per event (positive: the fix costs more); nil when either total is
    /// incomplete (an UNPRICED total is a lower bound and states no difference).
    public var deltaPerMonth: Money?
    public var deltaPerEvent: Money?

    public var status: VerdictStatus { deployment.status }
    public var complete: Bool { deployment.totals.complete }

    /// "per-region-queues (instead of global-queue); ap-northeast-2: +1 read replica per shard: 3 → 4 (…)".
    public var summary: String {
        var s =
            topology == plannedTopology
            ? topology.rawValue + " as planned" : "\(topology.rawValue) (instead of \(plannedTopology.rawValue))"
        let changed = parts.filter { !$0.changes.isEmpty || $0.unpricedFetch != nil || $0.unreachable != nil }
        s += changed.isEmpty ? "; no other change" : "; " + changed.map(\.summary).joined(separator: "; ")
        return s
    }

    /// `summary` for a slide (`Part.short`); the planned topology is named only when nothing else changes.
    public var shortSummary: String {
        let changed = parts.filter { !$0.changes.isEmpty || $0.unpricedFetch != nil || $0.unreachable != nil }
        let what = changed.map(\.short).joined(separator: "; ")
        if topology == plannedTopology { return changed.isEmpty ? "\(topology.rawValue) as planned" : what }
        return "\(topology.rawValue) (instead of \(plannedTopology.rawValue))" + (changed.isEmpty ? "" : "; " + what)
    }

    /// "$1,234.56/month + 2 UNPRICED, FEASIBLE": per month only, as the deployment's as-planned line on a slide.
    public var monthPrice: String {
        "\(Format.usd(deployment.totals.perMonth))/month" + deployment.totals.marker + ", " + status.rawValue
    }

    /// "$12.34/event, $1,234.56/month + 2 UNPRICED, FEASIBLE" — the whole deployment with the fix.
    public var price: String {
        "\(Format.usd(deployment.totals.perEvent))/event, \(Format.usd(deployment.totals.perMonth))/month"
            + deployment.totals.marker + ", " + status.rawValue
    }
}

/// The outcome of the deployment's fix search: the chosen fix and each topology's fixed deployment.
public struct DeploymentFixResult: Codable, Hashable, Sendable {
    /// The cheapest fully priced fix of the best verdict reached (FEASIBLE, else AT RISK); nil when none is priced.
    public var fix: DeploymentFix?
    /// When no fix is fully priced: the best one that passes with UNPRICED lines (its regions name the fetch).
    public var unpriced: DeploymentFix?
    /// Every topology's fixed deployment, in `QueueTopology.allCases` order.
    public var byTopology: [DeploymentFix]
    /// Set when no topology passes even with its fix: each topology's first reason.
    public var unreachable: String?

    /// The fix and its price per month for a slide (no fetch commands: the appendix lists them; an UNPRICED total
    /// says "+ N UNPRICED", so it is not read as ranked):
    /// "per-region-queues (instead of global-queue); … — $1.71/event, …".
    public var short: String {
        if let f = fix { return "\(f.shortSummary) — \(f.monthPrice)" }
        if let u = unpriced { return "\(u.shortSummary) — \(u.monthPrice)" }
        return "none in the bounds: \(unreachable ?? "no topology passes")"
    }

    /// One line: the fix and its price, or why there is none.
    public var sentence: String {
        if let f = fix {
            return
                "Cheapest fix of the whole deployment: \(f.summary) — \(f.price)"
                + (f.deltaPerMonth.map {
                    " (\($0 < .zero ? "−" : "+")\(Format.usd($0 < .zero ? .zero - $0 : $0))/month vs as planned)"
                } ?? "")
                + (f.status == .atRisk ? " (AT RISK: no FEASIBLE configuration in the bounds)" : "")
        }
        if let u = unpriced {
            return
                "Cheapest fix of the whole deployment: cannot be ranked — every fix that passes has UNPRICED lines; best found: \(u.summary) — \(u.price)"
                + (u.deployment.unpricedSentence.map { "; " + $0 } ?? "")
        }
        return "No fix of the whole deployment in the bounds: \(unreachable ?? "no topology passes")"
    }

    /// `sentence` in short lines, every fact kept: the headline, the fix (its topology, then each changed part on
    /// its own line), its price and verdict, then each UNPRICED region of the fixed deployment with its fetch
    /// command. Indented lines belong to the headline.
    public var lines: [String] {
        guard let f = fix ?? unpriced else {
            return ["No fix of the whole deployment in the bounds: \(unreachable ?? "no topology passes")"]
        }
        var out = [
            fix != nil
                ? "Cheapest fix of the whole deployment:"
                : "Cheapest fix of the whole deployment: cannot be ranked — every fix that passes has UNPRICED lines; best found:"
        ]
        let changed = f.parts.filter { !$0.changes.isEmpty || $0.unpricedFetch != nil || $0.unreachable != nil }
        out.append(
            "  fix: "
                + (f.topology == f.plannedTopology
                    ? f.topology.rawValue + " as planned"
                    : "\(f.topology.rawValue) (instead of \(f.plannedTopology.rawValue))")
                + (changed.isEmpty ? "; no other change" : ""))
        out += changed.map { "    " + $0.summary }
        out.append(
            "  price: \(f.price)"
                + (fix == nil
                    ? ""
                    : (f.deltaPerMonth.map {
                        " (\($0 < .zero ? "−" : "+")\(Format.usd($0 < .zero ? .zero - $0 : $0))/month vs as planned)"
                    } ?? "") + (f.status == .atRisk ? " (AT RISK: no FEASIBLE configuration in the bounds)" : "")))
        out += f.deployment.unpricedRegions.map {
            "  UNPRICED: \($0.region) (\($0.missing.joined(separator: "; "))) — fetch: `\($0.fetch)`"
        }
        return out
    }
}

/// Searches the deployment's fix (see `DeploymentFix`).
public enum DeploymentFixSearch {
    /// `home` is the plan's input (with `regions`), `full` its estimate; `rung` puts a changed single-region plan on
    /// the evidence ladder as `estimate` would (nil: the input's own evidence is reused); `status` is the one
    /// accessor to a verdict. The shared-queue search runs once for global-queue and global-datastore.
    public static func search(
        _ home: EstimateInput, full: Estimate, books: [String: PriceBook], planned: RegionalDeployment,
        rung: ((Plan) -> EstimateInput?)? = nil, status: @escaping (Estimate) -> VerdictStatus = { $0.verdict.status }
    ) -> DeploymentFixResult? {
        guard let spec = home.plan.regions else { return nil }
        let plan = home.plan
        let homeRegion = plan.event.region
        func book(_ region: String) -> PriceBook {
            books[region]
                ?? PriceBook(sheet: PriceSheet(region: region, asOf: home.asOf, quotes: []), specs: [], spot: [])
        }
        func judged(_ e: Estimate, _ prefixes: [String]) -> VerdictStatus {
            let s = status(e)
            let named = e.verdict.reasons.contains { r in prefixes.contains { r.hasPrefix($0) } }
            return named ? s : (s == .infeasible ? .feasible : s)
        }
        // The shared queue (global-queue, global-datastore): the whole crowd in the home region.
        var shared: (EstimateInput, Estimate, DeploymentFix.Part?)? = nil
        func sharedFix() -> (EstimateInput, Estimate, DeploymentFix.Part?) {
            if let s = shared { return (s.0, s.1, s.2) }
            var out: (EstimateInput, Estimate, DeploymentFix.Part?) = (home, full, nil)
            if judged(full, RegionalModel.queuePrefixes) != .feasible {
                let found = fixPart(
                    home, base: full, scope: "shared queue (\(homeRegion))", priceRegion: homeRegion, rung: rung
                ) { judged($0, RegionalModel.queuePrefixes) }
                out = (found.input ?? home, found.estimate ?? full, found.part)
            }
            shared = (out.0, out.1, out.2)
            return out
        }
        // Each failing region's own queue and gateway (per-region queues).
        func regionalFixes() -> ([String: EstimateInput], [DeploymentFix.Part]) {
            var overrides: [String: EstimateInput] = [:]
            var parts: [DeploymentFix.Part] = []
            let prefixes = RegionalModel.regionQueuePrefixes(spec.dynamodb) + ["Gateway"]
            for site in spec.sites {
                var input = home
                input.plan = RegionalModel.regionalPlan(plan, site: site)
                input.book = book(site.priceRegion)
                // The region as the deployment sizes it (RegionalModel.compute), then its own search.
                let base = Estimate.compute(input)
                guard judged(base, prefixes) != .feasible else { continue }
                let found = fixPart(
                    input, base: base, scope: site.region, priceRegion: site.priceRegion,
                    rung: rung.map { regionalRung($0, input, home: homeRegion) }
                ) { judged($0, prefixes) }
                if let i = found.input { overrides[site.region] = i }
                parts.append(found.part)
            }
            return (overrides, parts)
        }
        var byTopology: [DeploymentFix] = []
        for t in QueueTopology.allCases {
            let deployment: RegionalDeployment?
            var parts: [DeploymentFix.Part] = []
            switch t {
            case .perRegionQueues:
                let (overrides, p) = regionalFixes()
                parts = p
                deployment = RegionalModel.compute(home, full: full, books: books, topology: t, regional: overrides)
            case .globalQueue, .globalDatastore:
                let (input, estimate, part) = sharedFix()
                parts = part.map { [$0] } ?? []
                deployment = RegionalModel.compute(input, full: estimate, books: books, topology: t)
            }
            guard let d = deployment else { continue }
            let complete = d.totals.complete && planned.totals.complete
            byTopology.append(
                DeploymentFix(
                    topology: t, plannedTopology: planned.topology, parts: parts, deployment: d,
                    deltaPerMonth: complete ? d.totals.perMonth - planned.totals.perMonth : nil,
                    deltaPerEvent: complete ? d.totals.perEvent - planned.totals.perEvent : nil))
        }
        return choose(byTopology)
    }

    /// The best verdict reached among fully priced fixes, then the cheapest per month (ties: `allCases` order);
    /// when none is fully priced, the planned topology's fix of the best verdict is named as UNPRICED.
    public static func choose(_ fixes: [DeploymentFix]) -> DeploymentFixResult {
        let passing = fixes.filter { $0.status != .infeasible }
        let priced = passing.filter(\.complete)
        func best(_ xs: [DeploymentFix]) -> DeploymentFix? {
            guard let target = xs.map(\.status).min() else { return nil }
            var out: DeploymentFix?
            for f in xs where f.status == target {
                if let o = out, o.deployment.totals.perMonth.amount <= f.deployment.totals.perMonth.amount { continue }
                out = f
            }
            return out
        }
        let unreachable =
            passing.isEmpty
            ? fixes.map { "\($0.topology.rawValue): \($0.deployment.reasons.first ?? "INFEASIBLE")" }
                .joined(separator: "; ") : nil
        let fix = best(priced)
        // Incomplete totals are lower bounds and rank nothing: of the best verdict reached, the planned topology's
        // fix, else the first in `allCases` order.
        let target = passing.map(\.status).min()
        let candidates = passing.filter { $0.status == target }
        let unpriced = candidates.first { $0.topology == $0.plannedTopology } ?? candidates.first
        return DeploymentFixResult(
            fix: fix, unpriced: fix == nil ? unpriced : nil, byTopology: fixes, unreachable: unreachable)
    }

    /// A regional plan's input on the evidence ladder: the home plan's rung selects the evidence for the changed
    /// hardware (the rung reads and checks against the home region's book, which a region without prices would
    /// fail), then the region's own plan and book are put back.
    static func regionalRung(_ rung: @escaping (Plan) -> EstimateInput?, _ regional: EstimateInput, home: String)
        -> (Plan) -> EstimateInput?
    {
        { p in
            var atHome = p
            atHome.event.region = home
            guard var i = rung(atHome) else { return nil }
            i.plan = p
            i.book = regional.book
            return i
        }
    }

    typealias Part = DeploymentFix.Part

    /// One part's cheapest fix by `CheapestFix.search` with `status` as the verdict: the found point's input and
    /// estimate, or the first configuration that passes UNPRICED (named with its fetch command), or none.
    static func fixPart(
        _ input: EstimateInput, base: Estimate, scope: String, priceRegion: String,
        rung: ((Plan) -> EstimateInput?)?, status: (Estimate) -> VerdictStatus
    ) -> (input: EstimateInput?, estimate: Estimate?, part: Part) {
        let r =
            rung ?? { p in
                var i = input
                i.plan = p
                return i
            }
        let result = CheapestFix.search(input, rung: r, status: status)
        func redis(_ e: Estimate) -> String {
            (e.redis.chosen ?? e.redis.candidates.first { $0.nodes != nil } ?? e.redis.asPlanned).map {
                "\($0.nodes ?? 0) × \($0.nodeType)"
            } ?? "—"
        }
        switch result.outcome {
        case .found(let p):
            return (
                r(p.plan), p.estimate,
                Part(
                    scope: scope, priceRegion: priceRegion,
                    changes: CheapestFix.changes(from: base, plan: input.plan, to: p), status: p.status,
                    redis: redis(p.estimate), unpricedFetch: nil, unreachable: nil)
            )
        case .unreachable(let c):
            return (
                nil, nil,
                Part(
                    scope: scope, priceRegion: priceRegion, changes: [], status: .infeasible, redis: redis(base),
                    unpricedFetch: nil, unreachable: c)
            )
        case nil:
            let p = result.feasibleUnpriced[0]
            return (
                r(p.plan), p.estimate,
                Part(
                    scope: scope, priceRegion: priceRegion,
                    changes: CheapestFix.changes(from: base, plan: input.plan, to: p), status: p.status,
                    redis: redis(p.estimate),
                    unpricedFetch: PlanAssessment.fetchCommand(
                        region: priceRegion, missing: p.estimate.totals.missing, input.spelling), unreachable: nil)
            )
        }
    }
}

extension AssessedFix {
    /// The whole deployment's fix as `observe` states it (a multi-region plan's one fix, `DeploymentFixResult`).
    public static func from(_ r: DeploymentFixResult, spelling: StepSpelling) -> AssessedFix {
        var out = from(r)
        out.commands = Commands(spelling)
        return out
    }

    static func from(_ r: DeploymentFixResult) -> AssessedFix {
        if let f = r.fix {
            return AssessedFix(
                kind: .fix, summary: "whole deployment: " + f.summary, status: f.status,
                perMonth: f.deployment.totals.perMonth, deltaPerMonth: f.deltaPerMonth,
                marker: f.deployment.totals.marker)
        }
        if let u = r.unpriced {
            return AssessedFix(
                kind: .unpriced, summary: "whole deployment: " + u.summary,
                fetch: u.deployment.unpricedRegions.map(\.fetch).joined(separator: "; "))
        }
        return AssessedFix(kind: .unreachable, summary: r.unreachable ?? "no topology passes")
    }
}
