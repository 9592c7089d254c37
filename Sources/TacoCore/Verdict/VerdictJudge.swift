/// Decides an estimate's verdict from its sizing, the plan's ceilings and the evidence rungs (Docs/Model.md §15).
enum VerdictJudge {
    static func judge(_ e: EstimateParts, _ input: EstimateInput, rungs: [RungResult]) -> PlanVerdict {
        let plan = input.plan
        let sel = input.evidence
        var used = sel
        used.rungs = rungs
        var infeasible: [String] = []
        var risks: [String] = []
        let ceiling = plan.redis.engineCPUCeiling
        let near = 1 - PlanVerdict.ceilingMargin

        // Redis engine CPU: judged on the band (Docs/Model.md §15): FEASIBLE when its top is within the ceiling,
        // INFEASIBLE when its bottom is above it, AT RISK otherwise.
        let figures = e.redis.engineCPU
        if e.redis.chosen == nil {
            if e.redis.hotKeyLoad > ceiling {
                let hot = figures.hotKey
                if hot.judge(ceiling: ceiling) == .infeasible {
                    infeasible.append(
                        "Redis: the hot queue key alone needs \(hot.text) of one engine core; even the bottom of the band is above the \(Format.percent(ceiling)) ceiling"
                    )
                } else {
                    risks.append(
                        "Redis: the hot queue key needs \(hot.text) of one engine core: the point value is above the \(Format.percent(ceiling)) ceiling and the bottom of the band below it, so no cluster is sized"
                    )
                }
            } else {
                infeasible.append(
                    "Redis: no candidate node type fits (\(e.redis.infeasibleReason ?? "see the sizing"))")
            }
        } else if let busiest = figures.busiestNode, busiest.high > ceiling {
            risks.append(
                "Redis: the busiest node runs at \(busiest.text) engine CPU; the top of the band is above the \(Format.percent(ceiling)) ceiling"
            )
        }
        if let c = e.redis.chosen, let shards = c.shards, c.usableMemoryGiB > 0 {
            let fill = e.redis.memory.required / (c.usableMemoryGiB * Double(shards) * Bytes.gib)
            if fill >= near {
                risks.append(
                    "Redis: memory \(Format.percent(fill)) of usable, within \(Format.percent(PlanVerdict.ceilingMargin)) of full"
                )
            }
        }
        if e.gateway.chosen == nil {
            infeasible.append("Gateway: no node type fits (see the gateway table)")
        }
        if let limit = e.dynamo.partitionLimit { infeasible.append("DynamoDB: \(limit)") }
        let backend = e.admission.backendUtilization
        let allowed = plan.admission.maxBackendUtilization
        if backend > 1 {
            infeasible.append("Backend: the admission rate puts it at \(Format.percent(backend)) of its capacity")
        } else if backend > allowed {
            risks.append(
                "Backend: \(Format.percent(backend)) utilization, above the \(Format.percent(allowed)) the plan allows")
        } else if backend >= allowed * near && e.admission.binding != .backendCapacity {
            risks.append(
                "Backend: \(Format.percent(backend)) utilization, within \(Format.percent(PlanVerdict.ceilingMargin)) of the \(Format.percent(allowed)) the plan allows"
            )
        }
        if infeasible.isEmpty && sel.rung == .reference {
            risks.insert(
                "feasible only on reference-VM costs (uncalibrated): " + sel.notUsed.joined(separator: "; "), at: 0)
        }

        let range = rangeText(rungs)
        var reasons: [String]
        let status: VerdictStatus
        if !infeasible.isEmpty {
            status = .infeasible
            reasons = infeasible
        } else if !risks.isEmpty {
            status = .atRisk
            reasons = risks
        } else {
            status = .feasible
            let busiest =
                figures.busiestNode.map {
                    "busiest Redis node \($0.text) engine CPU, top of the band within the \(Format.percent(ceiling)) ceiling; "
                } ?? ""
            reasons = [
                "every resource meets its constraint: \(busiest)backend \(Format.percent(backend)) of \(Format.percent(allowed)), with \(sel.rung.phrase)"
            ]
        }
        if let range {
            // The ladder puts its choice first; only a rung asked for over a better one follows it on purpose.
            let which =
                !sel.askedOverBetter
                ? "the most credible available"
                : "as \(input.spelling(.option(.evidence))) asked; \(rungs.dropFirst().first?.rung.phrase ?? "other costs") are more credible"
            reasons.append(
                "the evidence rungs disagree (\(range)); the verdict follows \(sel.rung.phrase), \(which)")
        }
        return PlanVerdict(status: status, reasons: reasons, evidence: used, range: range, engineCPU: figures)
    }

    /// The busiest node's engine CPU on each rung ("≥" the hot key's load when no cluster fits), when the highest
    /// and lowest differ by more than `PlanVerdict.rungTolerance`.
    static func rangeText(_ rungs: [RungResult]) -> String? {
        guard rungs.count > 1 else { return nil }
        let values = rungs.map { $0.busiestEngineCPU ?? $0.hotKeyCPU }
        guard let lo = values.min(), let hi = values.max(), lo > 0, hi / lo > PlanVerdict.rungTolerance else {
            return nil
        }
        return rungs.sorted { $0.rung > $1.rung }.map { r in
            r.busiestEngineCPU.map { "busiest node \(Format.percent($0)) with \(r.rung.phrase)" }
                ?? "busiest node ≥ \(Format.percent(r.hotKeyCPU)) (the hot key alone; no cluster fits) with \(r.rung.phrase)"
        }.joined(separator: ", ")
    }
}
