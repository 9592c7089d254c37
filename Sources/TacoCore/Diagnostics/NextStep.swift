/// What the reader should do next, as a value: a command to run or an option to set. TacoCore names the step; how a
/// front end writes it comes in as a `StepSpelling` (the command line's is `TacoApp.CommandSpelling`), so no core file
/// spells a command or a flag and renaming an option changes no core file.
public enum NextStep: Hashable, Sendable {
    /// A command by its name alone (the estimate, a validation against a load test, …).
    case run(Command)
    /// Import a price-list or Spot Advisor file.
    case importPriceList
    /// Fetch the prices a suggestion names (its region, services and Spot Advisor data).
    case fetchPrices(FetchSuggestion)
    /// Fetch current prices for a region the reader fills in.
    case fetchRegionPrices
    /// Give a file of per-command Redis costs measured on one's own hardware.
    case passCosts
    /// Estimate on this rung of the evidence ladder.
    case chooseEvidence(EvidenceRung)
    /// Price the plan as of this day.
    case setAsOf(Day)
    /// Reconcile a plan against the CSV the printed warehouse query produced.
    case reconcileFromAggregate
    /// Print the reconcile query for a SQL engine.
    case printReconcileQuery(ReconcileQuery.Dialect)
    /// A run setting by its name alone ("the costs file", "as evidence asked").
    case option(Option)

    /// The commands a step can name.
    public enum Command: Hashable, Sendable, CaseIterable {
        case estimate, explain, validate, observe, reconcile, benchRedis, pricingImport, pricingFetch
    }

    /// The run settings a step can name.
    public enum Option: Hashable, Sendable, CaseIterable {
        /// The file of measured per-command costs.
        case costs
        /// The rung of the evidence ladder asked for.
        case evidence
        /// The day prices are read for.
        case asOf
        /// Fetching the Spot Advisor snapshot with the prices.
        case spotAdvisor
    }
}

/// How a front end writes a `NextStep` into a sentence, handed to TacoCore as a value like the as-of day. `plain`
/// words a step without a command line, for callers that print no hints (benchmarks, core tests).
public struct StepSpelling: Sendable {
    public let spell: @Sendable (NextStep) -> String

    public init(_ spell: @escaping @Sendable (NextStep) -> String) { self.spell = spell }

    public func callAsFunction(_ step: NextStep) -> String { spell(step) }

    /// The step in words, no command line: "import a price-list file", "as-of 2024-10-31", "the estimate command".
    public static let plain = StepSpelling { step in
        switch step {
        case .run(let command): "the \(command) command"
        case .importPriceList: "import a price-list file"
        case .fetchPrices(let s): "fetch prices" + (s.region.map { " for \($0)" } ?? "")
        case .fetchRegionPrices: "fetch prices for a region"
        case .passCosts: "a costs file"
        case .chooseEvidence(let rung): "evidence \(rung.rawValue)"
        case .setAsOf(let day): "as-of \(day)"
        case .reconcileFromAggregate: "reconcile from the query's result"
        case .printReconcileQuery(let d): "print the \(d.rawValue) reconcile query"
        case .option(.costs): "costs"
        case .option(.evidence): "evidence"
        case .option(.asOf): "as-of"
        case .option(.spotAdvisor): "Spot Advisor"
        }
    }
}
