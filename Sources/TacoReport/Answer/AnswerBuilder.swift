import Foundation
import TacoCore

/// Fills `ReportAnswer` from the report's own sections (after the levers are merged), so the answer never
/// disagrees with the slides after it.
enum AnswerBuilder {
    static func build(_ r: Report, estimate e: Estimate) -> ReportAnswer {
        let users = admitted(e) ?? count(r, "users")
        let seats = count(r, "seats")
        let (feasibility, verdict) = verdict(r)
        return ReportAnswer(
            feasibility: feasibility, verdict: verdict, perEvent: r.costs.perEvent, perMonth: r.costs.perMonth,
            unpricedLines: r.costs.unpricedLines, admittedUsers: users, seats: seats,
            perAdmittedUser: per(r.costs.perEvent, users), perSeat: per(r.costs.perEvent, seats),
            binding: binding(r), risks: Array(risks(r).prefix(ReportAnswer.maxItems)), topLevers: levers(r))
    }

    /// Money per unit, exact in Decimal; nil without a positive count.
    static func per(_ m: Money, _ n: Int?) -> Money? {
        guard let n, n > 0 else { return nil }
        return Money(m.amount / Decimal(n))
    }

    /// Admitted users per sale as Docs/Model.md §12 defines them for unit economics: expected writes ÷ attempts
    /// per user (= min(users, admission rate × window), §5), to whole users; nil when the estimate has no attempts.
    static func admitted(_ e: Estimate) -> Int? {
        let attempts = e.figures.lazy.flatMap(\.inputs).first { $0.name == "attempts_per_user" }?.value
        guard let text = attempts?.replacingOccurrences(of: ",", with: ""), let a = Decimal(string: text), a > 0,
            e.dynamodb.expectedWrites.isFinite
        else { return nil }
        let users = Money(Decimal(e.dynamodb.expectedWrites) / a).rounded(0)
        return Int(truncating: NSDecimalNumber(decimal: users))
    }

    /// A plan count (`users`, `seats`) as the model quoted it in its figure inputs ("50,000").
    static func count(_ r: Report, _ name: String) -> Int? {
        guard let v = r.traffic.facts.first(where: { $0.name == name })?.value else { return nil }
        return Int(v.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces))
    }

    static func verdict(_ r: Report) -> (ReportAnswer.Feasibility, String) {
        var missing: [String] = []
        if let why = r.redis.infeasible { missing.append("\(r.redis.engine): \(why)") }
        if !r.gateway.options.contains(where: \.chosen) { missing.append("gateway: no node type packs the pods") }
        if !missing.isEmpty {
            return (.infeasible, "INFEASIBLE: " + missing.joined(separator: "; "))
        }
        let warnings = warningFindings(r)
        if r.costs.unpricedLines > 0 || !warnings.isEmpty {
            var why: [String] = []
            if r.costs.unpricedLines > 0 { why.append("\(r.costs.unpricedLines) cost lines UNPRICED") }
            why += warnings.map(\.title)
            return (.atRisk, "AT RISK: every resource fits, but " + why.joined(separator: "; "))
        }
        return (.feasible, "FEASIBLE: every resource has a configuration that fits, every line is priced")
    }

    /// Error findings, then warnings; a finding about UNPRICED lines is left out when the totals already say so.
    static func warningFindings(_ r: Report) -> [FindingItem] {
        let order = ["error": 0, "warning": 1]
        return r.findings.filter { order[$0.severity] != nil }
            .filter { !(r.costs.unpricedLines > 0 && $0.title.contains("UNPRICED")) }
            .enumerated().sorted {
                ((order[$0.element.severity] ?? 2), $0.offset) < ((order[$1.element.severity] ?? 2), $1.offset)
            }
            .map(\.element)
    }

    static func binding(_ r: Report) -> [String] {
        var out = ["admission rate: \(r.admission.binding.replacingOccurrences(of: "_", with: " "))"]
        if let shards = figure(r.redis.figures, "redis.shards") {
            let drivers = [
                ("memory", "redis.memory_shards"), ("engine CPU", "redis.engine_shards"),
            ].filter { figure(r.redis.figures, $0.1) == shards }.map(\.0)
            out.append(
                "\(r.redis.engine) shards: "
                    + (drivers.isEmpty ? "the plan's floor (min_shards)" : drivers.joined(separator: " and ")))
        }
        if let pods = r.gateway.figures.first(where: { $0.id == "gateway.pods" }) {
            out.append("gateway: \(pods.display) pods for the peak request rate")
        }
        return out
    }

    static func figure(_ figures: [ReportFigure], _ id: String) -> Double? {
        figures.first { $0.id == id }?.value
    }

    static func risks(_ r: Report) -> [String] {
        var out: [String] = []
        if let why = r.redis.infeasible { out.append(why) }
        if r.costs.unpricedLines > 0 {
            out.append("\(r.costs.unpricedLines) cost lines have no price: the totals leave them out")
        }
        out += warningFindings(r).map(\.title)
        if r.gateway.preWarmNeeded { out.append("Gateway must be pre-warmed: \(r.gateway.preWarm)") }
        return out
    }

    static func levers(_ r: Report) -> [ReportAnswer.Lever] {
        guard let l = r.levers else { return [] }
        // A hand-written variant and the automatic lever that makes the same change ("valkey: Valkey vs Redis
        // OSS", "auto: Valkey vs Redis OSS") are one lever: the first listed (the hand-written one) is kept.
        var seen = Set<String>()
        let distinct = l.levers.filter { lever in
            let what = lever.name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? lever.name
            return seen.insert(what.trimmingCharacters(in: .whitespaces)).inserted
        }
        return distinct.filter { $0.perMonth.amount > 0 }.enumerated()
            .sorted { ($1.element.perMonth, $0.offset) < ($0.element.perMonth, $1.offset) }
            .prefix(ReportAnswer.maxItems)
            .map {
                ReportAnswer.Lever(
                    name: $0.element.name, savingPerMonth: $0.element.perMonth, percent: $0.element.percent)
            }
    }
}
