import Foundation

/// One finding rule: what the plan, the price book and the reference costs say about one matter
/// (Docs/Model.md §7). Nothing is typed-in output: each message is built from figures and prices; a rule that
/// checks a claim does so only when the plan declares that claim (`claims:`), quoting its text.
protocol FindingRule {
    static func findings(_ e: EstimateParts, _ input: EstimateInput) -> [Finding]
}

/// Every finding rule, one a file in this folder, run in the order reports list them (Docs/Model.md §7).
enum Findings {
    static var rules: [any FindingRule.Type] {
        [
            DynamoCeilingRule.self, GravitonRule.self, GatewayArchitectureRule.self, MemoryVsShardsRule.self,
            KeysVsZrankRule.self, BeyondLoadTestRule.self, SpotRule.self, LinearCommandsRule.self,
            AdmissionLimitsRule.self, DynamoHotPartitionRule.self, PreWarmRule.self, UnpricedRule.self,
        ]
    }

    static func all(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        rules.flatMap { $0.findings(e, input) }
    }

    /// "+12.3" or "-4.5": a signed percentage for finding messages.
    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + Format.number(v, maxDecimals: 1) }
}
