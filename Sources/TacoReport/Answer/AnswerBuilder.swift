import Foundation
import TacoCore

/// Fills `ReportAnswer` from the report's own sections (after the levers are merged), so the answer never
/// disagrees with the slides after it.
enum AnswerBuilder {
    static func build(_ r: Report) -> ReportAnswer {
        // Per admitted user and per seat sold are the estimate's own unit economics (Docs/Model.md §6.2: one event's
        // share of the month over the users it admits), so the answer and the cost slide never disagree.
        let u = r.unitEconomics
        let (feasibility, verdict) = verdict(r)
        var answer = ReportAnswer(
            // Per event is the unit economics' event (the month ÷ events per month, always-on resources included),
            // the same event the per-user and per-seat figures divide (one definition everywhere).
            feasibility: feasibility, verdict: verdict, perEvent: u.costPerEvent, perMonth: r.costs.perMonth,
            unpricedLines: r.costs.unpricedLines, admittedUsers: Int(u.admittedUsers.rounded()),
            seats: Int(u.seatsSold.rounded()), perAdmittedUser: u.perAdmittedUser, perSeat: u.perSeatSold,
            binding: binding(r), risks: Array(risks(r).prefix(ReportAnswer.maxItems)), topLevers: levers(r))
        let failing = Array(Set(r.costs.failing.map(\.resource.rawValue))).sorted()
        if !failing.isEmpty { answer.failing = failing.joined(separator: ", ") + " INFEASIBLE" }
        if let a = r.assessment {
            if let fix = a.fix {
                answer.fix = fix.summary
                answer.fixStatus = fix.status.rawValue
                answer.fixPerMonth = fix.totals.perMonth
                answer.fixDeltaPerMonth = fix.deltaPerMonth
            }
            answer.unreachable = a.unreachable
        }
        return answer
    }

    /// The estimate's verdict (Docs/Model.md §15), the same one every command states: status, reasons, evidence.
    static func verdict(_ r: Report) -> (ReportAnswer.Feasibility, String) {
        let v = r.verdict
        let feasibility: ReportAnswer.Feasibility =
            switch v.status {
            case .feasible: .feasible
            case .atRisk: .atRisk
            case .infeasible: .infeasible
            }
        let reasons = v.reasons.first ?? ""
        return (
            feasibility,
            "\(v.status.rawValue)" + (reasons.isEmpty ? "" : ": \(reasons)")
                + " (evidence: \(v.evidence.rung.phrase))"
        )
    }

    /// Error findings, then warnings; a finding about UNPRICED lines is left out when the totals already say so.
    static func warningFindings(_ r: Report) -> [Finding] {
        let order: [Finding.Severity: Int] = [.error: 0, .warning: 1]
        return r.findings.filter { order[$0.severity] != nil }
            .filter { !(r.costs.unpricedLines > 0 && $0.title.contains("UNPRICED")) }
            .enumerated().sorted {
                ((order[$0.element.severity] ?? 2), $0.offset) < ((order[$1.element.severity] ?? 2), $1.offset)
            }
            .map(\.element)
    }

    static func binding(_ r: Report) -> [String] {
        var out = ["admission rate: \(r.admission.binding.replacingOccurrences(of: "_", with: " "))"]
        // The drivers the Redis sizing found; the floor is named only when no requirement reaches it.
        if let all = r.redis.shardDrivers {
            let drivers = all.filter { $0 != .minShards }.map(\.rawValue)
            out.append(
                "\(r.redis.engine) shards: "
                    + (drivers.isEmpty ? "the plan's floor (min_shards)" : drivers.joined(separator: " and ")))
        }
        if let pods = r.gateway.figures.first(where: { $0.id == "gateway.pods" }) {
            out.append("gateway: \(pods.display) pods for the peak request rate")
        }
        return out
    }

    static func risks(_ r: Report) -> [String] {
        var out: [String] = []
        if let why = r.redis.infeasible, r.assessment?.fix == nil { out.append(why) }
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
