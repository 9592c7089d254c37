import Foundation
import TacoCore

/// The deck's speaker notes (Marp `<!-- … -->`): what each main slide shows, in a sentence or two, said with the
/// slide's own numbers so the presenter never has to read them off a table.
enum SpeakerNotes {
    static func answer(_ a: ReportAnswer) -> String {
        var s = "\(a.verdict). The event costs \(AnswerPart.unitCost(a.perEvent)) (\(Format.usd(a.perMonth)) a month)"
        if let u = a.perAdmittedUser {
            s +=
                ", \(AnswerPart.unitCost(u)) per admitted user (one event's share of the month, always-on nodes included)"
        }
        s += "."
        if let l = a.topLevers.first {
            s += " The largest lever, \(l.name), saves \(Format.usd(l.savingPerMonth)) a month."
        }
        return s
    }

    static func architecture(_ a: ArchitectureSection) -> String {
        let rate = { (id: String) in a.edges.first { $0.from == id }?.display ?? "—" }
        return "At the peak \(rate("clients")) requests reach the gateway and \(rate("gateway")) of them are queue "
            + "calls; the queue admits \(rate("queue")) to the backend, which writes \(rate("backend")) to DynamoDB."
    }

    static func capacity(_ r: Report) -> String {
        var s =
            "Admission runs at \(r.admission.rate), set by \(r.admission.binding.replacingOccurrences(of: "_", with: " "))."
        if let c = r.redis.candidates.first(where: \.chosen) {
            s +=
                " \(r.redis.engine) needs \(c.nodes) \(c.nodeType) nodes in \(c.shards) shard\(c.shards == "1" ? "" : "s")."
        } else {
            s += " No \(r.redis.engine) node type fits."
        }
        if let g = r.gateway.options.first(where: \.chosen) {
            s += " The gateway needs \(g.nodes) \(g.nodeType) nodes."
        }
        return s
    }

    static func cpu(_ redis: RedisSection) -> String {
        guard let busiest = redis.nodes.max(by: { $0.engineCPUPercent < $1.engineCPUPercent }) else { return "" }
        return "The busiest \(redis.engine) node (\(busiest.role)) runs at \(busiest.engineCPU) engine CPU"
            + (redis.ceiling.map { " against a ceiling of \($0)." } ?? ".")
    }

    static func costs(_ r: Report) -> String {
        var s =
            "The event costs \(AnswerPart.unitCost(r.unitEconomics.costPerEvent)) (its share of the month), "
            + "\(Format.usd(r.costs.perMonth)) a month."
        if let top = r.costs.byResource.first, r.costs.perMonth.amount > 0 {
            let share = (top.perMonth.amount / r.costs.perMonth.amount).doubleValue
            s +=
                " The largest share is \(top.resource): \(Format.usd(top.perMonth)) a month (\(Format.percent(share)))."
        }
        if r.costs.unpricedLines > 0 { s += " \(r.costs.unpricedLines) lines are UNPRICED and left out." }
        return s
    }

    static func levers(_ r: Report) -> String {
        guard let l = r.levers else { return "" }
        let saving = l.levers.filter { $0.perMonth.amount > 0 }
        guard let top = saving.max(by: { $0.perMonth < $1.perMonth }) else {
            return "None of the \(l.levers.count) levers saves money against \(l.baseline)."
        }
        return "\(saving.count) of \(l.levers.count) levers save money against \(l.baseline) "
            + "(\(Format.usd(l.baselinePerMonth)) a month); the largest, \(top.name), saves \(Format.usd(top.perMonth)) a month."
    }

    static func validation(_ v: ValidationSection) -> String {
        let verdict = v.summary.components(separatedBy: ". ").first ?? v.summary
        return "Predicted vs measured Redis engine CPU on \(v.steps.count) load-test steps. \(verdict)."
    }

    static func sweep(_ s: SweepResult) -> String {
        let feasible = s.points.filter(\.feasible)
        var out = "From \(Format.number(s.from)) to \(Format.number(s.to)) users"
        if let first = feasible.first, let last = feasible.last {
            out += " the cost per event goes from \(Format.usd(first.perEvent)) to \(Format.usd(last.perEvent))"
        }
        let infeasible = s.points.count - feasible.count
        if infeasible > 0 { out += "; \(infeasible) of \(s.points.count) points are infeasible as written" }
        return out + "."
    }

    static func breaks(_ s: SweepResult) -> String {
        guard let b = s.breaks.first else { return "No resource changes shape over the range." }
        var out =
            "\(s.breaks.count) break point\(s.breaks.count == 1 ? "" : "s") between \(Format.number(s.from)) and "
            + "\(Format.number(s.to)) users; the first, at \(Format.number(Double(b.users))) users: \(b.resource) "
            + SweepPart.change(b) + "."
        if let p = s.breaks.first(where: { $0.resource == "plan" }) {
            out += " The plan as written stops fitting at \(Format.number(Double(p.users))) users."
        }
        return out
    }
}
