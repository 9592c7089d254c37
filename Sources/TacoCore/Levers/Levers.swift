import Foundation

/// Attributes the cost difference between two plans to levers (Docs/Model.md §6): starting from the baseline, the levers
/// are switched to the other plan's setting one at a time in a fixed order, and each step's change in total cost
/// is that lever's share. The last step ("other changes") copies every remaining field, so the plan after it is
/// the other plan and the steps sum exactly to the total delta.
public enum Levers {
    public struct Lever: Sendable {
        public var name: String
        /// Field paths this lever covers, for display.
        public var fields: [String]
        /// Copies the lever's fields from the second plan into the first.
        var apply: @Sendable (inout Plan, Plan) -> Void
    }

    /// The fixed order: code first (it decides the node count), then the node and engine choices, then how long
    /// the gateway fleet runs, then Spot (so its saving is priced at the hours the fleet runs), then admission and
    /// DynamoDB.
    public static let all: [Lever] = [
        Lever(name: "fewer nodes from a code change (command mix)", fields: ["apis"]) { $0.apis = $1.apis },
        Lever(name: "Graviton vs x86 (ElastiCache)", fields: ["redis.candidates"]) {
            $0.redis.candidates = $1.redis.candidates
        },
        Lever(name: "Valkey vs Redis OSS", fields: ["redis.engine"]) { $0.redis.engine = $1.redis.engine },
        Lever(name: "Graviton vs x86 (EC2 gateway)", fields: ["gateway.node_candidates"]) {
            $0.gateway.nodeCandidates = $1.gateway.nodeCandidates
        },
        Lever(name: "always-on gateway fleet", fields: ["gateway.baseline_rps", "gateway.min_pods"]) {
            $0.gateway.baselineRPS = $1.gateway.baselineRPS
            $0.gateway.minPods = $1.gateway.minPods
        },
        Lever(
            name: "Spot vs On-Demand",
            fields: ["gateway.spot_share", "gateway.on_demand_floor", "gateway.interruption_limit"]
        ) {
            $0.gateway.spotShare = $1.gateway.spotShare
            $0.gateway.onDemandFloor = $1.gateway.onDemandFloor
            $0.gateway.interruptionLimit = $1.gateway.interruptionLimit
            $0.gateway.requestedInterruption = $1.gateway.requestedInterruption
        },
        Lever(name: "admission control capping DynamoDB writes", fields: ["admission"]) {
            $0.admission = $1.admission
        },
        Lever(name: "DynamoDB capacity mode", fields: ["dynamodb"]) { $0.dynamodb = $1.dynamodb },
        Lever(name: "other changes", fields: ["(any other field)"]) { a, b in
            let name = a.name
            a = b
            a.name = name
        },
    ]

    /// The steps from `base` to `other`; levers whose fields are equal in both plans are left out.
    ///
    /// `baseEstimate` and `otherEstimate`, when the caller has them (`Comparison.build` does), are reused instead of
    /// computed again, and a step that lands exactly on the other plan with the same prices (as-of day and region) reuses `otherEstimate`:
    /// a variant that changes one lever then costs one estimate, not four, which is what keeps `compare` on 2,000
    /// variants within seconds (`tacoplan-bench limits`).
    public static func attribute(
        from base: EstimateInput, to other: EstimateInput, baseEstimate: Estimate? = nil,
        otherEstimate: Estimate? = nil
    ) -> [Comparison.LeverStep] {
        var current = base.plan
        current.name = other.plan.name
        // The plan's name does not enter any cost, so the baseline's own estimate has the totals of `current`.
        var previous = baseEstimate ?? Estimate.compute(withPlan(base, current))
        // Same day and region: the same price book, so the other plan's own estimate is the step's estimate.
        let samePrices = base.asOf == other.asOf && base.plan.event.region == other.plan.event.region
        var steps: [Comparison.LeverStep] = []
        for lever in all {
            var next = current
            lever.apply(&next, other.plan)
            guard next != current else { continue }
            let estimate =
                (samePrices && next == other.plan ? otherEstimate : nil) ?? Estimate.compute(withPlan(base, next))
            let reasons = estimate.infeasibilities
            steps.append(
                Comparison.LeverStep(
                    lever: lever.name, fields: lever.fields,
                    deltaPerMonth: estimate.totals.perMonth - previous.totals.perMonth,
                    deltaPerEvent: estimate.totals.perEvent - previous.totals.perEvent,
                    note: reasons.isEmpty
                        ? nil
                        : "the plan after this step is infeasible (\(reasons.map(\.constraint).joined(separator: "; "))): its total prices that resource as planned"
                ))
            current = next
            previous = estimate
        }
        let final = otherEstimate ?? Estimate.compute(other)
        if final.totals.perMonth != previous.totals.perMonth || final.totals.perEvent != previous.totals.perEvent {
            steps.append(
                Comparison.LeverStep(
                    lever: "prices (region or as-of day)", fields: ["event.region", other.spelling(.option(.asOf))],
                    deltaPerMonth: final.totals.perMonth - previous.totals.perMonth,
                    deltaPerEvent: final.totals.perEvent - previous.totals.perEvent, note: nil))
        }
        return steps
    }

    static func withPlan(_ input: EstimateInput, _ plan: Plan) -> EstimateInput {
        var i = input
        i.plan = plan
        return i
    }
}
