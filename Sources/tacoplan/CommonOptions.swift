import ArgumentParser
import TacoApp
import TacoReport

/// `--db`, declared once for every command that opens the database.
struct DatabaseOption: ParsableArguments {
    @Option(
        help: """
            SQLite database file (default: $TACOPLAN_DB, else $XDG_DATA_HOME/tacoplan/tacoplan.sqlite, else \
            ~/.local/share/tacoplan/tacoplan.sqlite).
            """)
    var db: String?
}

/// `--db` and `--as-of`: where prices are read from and as of which day. One help text for every command.
struct StoreOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOption

    @Option(
        name: .customLong("as-of"),
        help: """
            The day prices are read as of (YYYY-MM-DD). Default: a plan's pricing.as_of if it sets one, else today \
            (UTC).
            """)
    var asOf: String?

    var db: String? { database.db }
    var day: Day? { asOf.flatMap(Day.init(iso:)) }

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2026-11-01")
        }
    }
}

/// `--costs`: per-command Redis costs measured on the user's hardware, the evidence ladder's first rung.
struct CostOption: ParsableArguments {
    @Option(
        help:
            "Per-command Redis costs measured by `tacoplan bench redis --output FILE`: measured evidence for the node type its `hardware` column names, else carried over by benchmarks/transfer-rules.csv (default: the bundled load test's calibration carried to the plan's hardware)."
    )
    var costs: String?
}

/// `--evidence` (and its hidden alias `--calibrated`): which rung of the evidence ladder sizes Redis (Docs/Model.md §14). Without them
/// every planning command uses the best evidence available.
struct CalibrationOption: ParsableArguments {
    /// `--calibrated`: the old spelling of `--evidence calibrated`, kept as a hidden alias.
    @Flag(help: .hidden)
    var calibrated = false

    @Option(
        help: """
            Which rung of the evidence ladder sizes Redis: best (default: --costs measured on the plan's node type, \
            else the narrower band of the load-test calibration and --costs carried over, else the reference VM), \
            calibrated (the load-test calibration carried to the plan's hardware, over any --costs file) or \
            reference (the reference VM's costs on purpose; the verdict still shows the other rungs).
            """)
    var evidence: EvidenceChoice = .best

    /// The one choice: `--evidence`, or `calibrated` when the hidden `--calibrated` alias is given.
    var choice: EvidenceChoice { calibrated ? .calibrated : evidence }

    func validate() throws {
        if calibrated && evidence != .best && evidence != .calibrated {
            throw ValidationError("--calibrated means --evidence calibrated; give only --evidence \(evidence.rawValue)")
        }
    }
}

extension EvidenceChoice: ExpressibleByArgument {}

/// `--fail-on`: which verdict makes the run exit non-zero (README "Exit codes"). One help text for every command
/// that judges a plan.
struct FailOnOption: ParsableArguments {
    @Option(
        name: .customLong("fail-on"),
        help: """
            Which verdict fails the run: infeasible (default: exit 5 on INFEASIBLE), at-risk (also exit 8 on AT \
            RISK), never (exit 0 whatever the verdict; invalid input, database and pricing failures still exit).
            """)
    var failOn: FailOn = .infeasible
}

extension FailOn: ExpressibleByArgument {}

/// Options every planning command shares: the plan, its variant and the evidence options.
struct PlanOptions: ParsableArguments {
    @Argument(help: "The workload plan (YAML), e.g. plans/traffic-tacos.yaml.")
    var plan: String

    @Option(help: "Use this variant of the plan (a name under its `variants:`) instead of the plan itself.")
    var variant: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var cost: CostOption
    @OptionGroup var gate: FailOnOption

    var request: PlanRequest { PlanRequest(path: plan, variant: variant, failOn: gate.failOn) }

    /// The evidence options as given; without `calibration`, the best rung of the ladder.
    func evidence(_ calibration: CalibrationOption? = nil) -> EvidenceRequest {
        EvidenceRequest(
            db: store.db, asOf: store.day, costsFile: cost.costs, evidence: calibration?.choice ?? .best)
    }
}

/// `--format`: one spelling for every command (`OutputFormat`, `text` accepted for `table`); each command lists the
/// formats it takes in its help and refuses any other in `validate()`.
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(spelling: argument) }
    /// Empty so that help does not list every case: each command's help names its own formats.
    public static var allValueStrings: [String] { [] }

    /// Refuses a format `command` cannot render, as an option error (exit 2).
    func check(_ accepted: [OutputFormat], command: String) throws {
        if let why = refusal(accepted: accepted, command: command) { throw ValidationError(why) }
    }
}
