import TacoCore

/// How the command line spells each `NextStep` TacoCore names: the one place a core hint becomes `tacoplan …` or a
/// flag. TacoApp hands `CommandSpelling.commandLine` to the core with every input it builds, so the sentences the core
/// writes read as today's command line.
public enum CommandSpelling {
    /// The spelling every use case hands to TacoCore.
    public static let commandLine = StepSpelling(spell)

    /// `tacoplan pricing import FILE`, `--evidence calibrated`, `--as-of 2024-10-31`, …
    @Sendable public static func spell(_ step: NextStep) -> String {
        switch step {
        case .run(let c): command(c)
        case .importPriceList: command(.pricingImport) + " FILE"
        case .fetchPrices(let s): fetch(s)
        case .fetchRegionPrices: command(.pricingFetch) + " --region R"
        case .passCosts: option(.costs) + " FILE"
        case .chooseEvidence(let rung): option(.evidence) + " " + rung.rawValue
        case .setAsOf(let day): option(.asOf) + " \(day)"
        case .reconcileFromAggregate: command(.reconcile) + " PLAN --from-aggregate FILE"
        case .printReconcileQuery(let dialect): command(.reconcile) + " PLAN --sql \(dialect.rawValue)"
        case .option(let o): option(o)
        }
    }

    /// `tacoplan` and the command's words.
    static func command(_ c: NextStep.Command) -> String { "tacoplan " + name(c) }

    /// The command's words after `tacoplan`.
    static func name(_ command: NextStep.Command) -> String {
        switch command {
        case .estimate: "estimate"
        case .explain: "explain"
        case .validate: "validate"
        case .observe: "observe"
        case .reconcile: "reconcile"
        case .benchRedis: "bench redis"
        case .pricingImport: "pricing import"
        case .pricingFetch: "pricing fetch"
        }
    }

    /// The flag that sets a run setting.
    static func option(_ o: NextStep.Option) -> String {
        switch o {
        case .costs: "--costs"
        case .evidence: "--evidence"
        case .asOf: "--as-of"
        case .spotAdvisor: "--spot-advisor"
        }
    }

    /// `tacoplan pricing fetch --region us-west-2 --service ec2,dynamodb` (`--spot-advisor` appended when Spot data
    /// is missing). Built from validated values only: a region that is not a known AWS Region code is written as the
    /// placeholder `REGION`.
    static func fetch(_ s: FetchSuggestion) -> String {
        var out = command(.pricingFetch)
        if let region = s.region { out += " --region \(AWSRegion.isKnown(region) ? region : "REGION")" }
        if !s.services.isEmpty { out += " --service " + s.services.map(\.rawValue).joined(separator: ",") }
        if s.spotAdvisor { out += " " + option(.spotAdvisor) }
        return out
    }
}
