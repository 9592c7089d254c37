import Foundation

/// One check: it reads its subject and reports what it found. Finding rules (`Rules/`, Docs/Model.md §7) and plan
/// warnings (`Warnings/`, §7.1) read one estimate and report `Finding`s; claim checks (`Claims/`) read the compared
/// variants and report a `Comparison.ClaimCheck` beside each savings claim. Nothing is typed-in output: each message
/// is built from figures and prices; a check of a claim runs only when the plan declares that claim (`claims:`).
protocol FindingRule<Subject, Report> {
    associatedtype Subject
    associatedtype Report
    static func findings(_ subject: Subject) -> [Report]
}

/// What a finding rule or plan warning reads: the estimate's parts and the input they came from.
typealias EstimateFacts = (parts: EstimateParts, input: EstimateInput)

/// The one registry of checks, each list in the order reports print it.
enum Findings {
    /// Finding rules (one a file in `Rules/`), then the warnings computed from the plan's own numbers (`Warnings/`).
    static var estimateRules: [any FindingRule<EstimateFacts, Finding>.Type] {
        [
            DynamoCeilingRule.self, GravitonRule.self, GatewayArchitectureRule.self, MemoryVsShardsRule.self,
            KeysVsZrankRule.self, BeyondLoadTestRule.self, SpotRule.self, LinearCommandsRule.self,
            AdmissionLimitsRule.self, DynamoHotPartitionRule.self, PreWarmRule.self, UnpricedRule.self,
            LongWaitWarning.self, NeverAdmittedWarning.self, SeatsOverUsersWarning.self, PollVsWindowWarning.self,
            RampVsWindowWarning.self, SpotShareWarning.self,
        ]
    }

    /// The seed's savings claims set beside the compared variants (`Claims/`).
    static var claimChecks: [any FindingRule<SeedSavings, Comparison.ClaimCheck>.Type] {
        [
            CodeFixClaimCheck.self, SpotClaimCheck.self, AlwaysOnSpotClaimCheck.self, TotalSavingClaimCheck.self,
            GravitonClaimCheck.self, SpotDiscountClaimCheck.self, SpotInterruptionClaimCheck.self,
        ]
    }

    /// Every finding and warning about one estimate.
    static func all(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] { run(estimateRules, (e, input)) }

    /// Runs `rules` on `subject`, in order.
    static func run<Subject, Report>(_ rules: [any FindingRule<Subject, Report>.Type], _ subject: Subject) -> [Report] {
        rules.flatMap { $0.findings(subject) }
    }

    /// "+12.3" or "-4.5": a signed percentage for finding messages.
    static func signed(_ v: Double) -> String { (v >= 0 ? "+" : "") + Format.number(v, maxDecimals: 1) }
}
