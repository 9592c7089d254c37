import ArgumentParser
import TacoApp
import TacoCore

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

/// `--costs`: per-command Redis costs from a file instead of the bundled reference.
struct CostOption: ParsableArguments {
    @Option(
        help:
            "Per-command Redis costs measured by `tacoplan bench redis --output FILE` (default: the bundled reference)."
    )
    var costs: String?
}

/// `--calibrated`: size Redis with the per-command overhead `validate` fits to the bundled load test.
struct CalibrationOption: ParsableArguments {
    @Flag(
        help: """
            Use the per-command Redis overhead fitted by `tacoplan validate` to the bundled load test (cache.m7g.xlarge) \
            instead of the reference benchmark VM's.
            """)
    var calibrated = false
}

/// Options every planning command shares: the plan, its variant and the evidence options.
struct PlanOptions: ParsableArguments {
    @Argument(help: "The workload plan (YAML), e.g. plans/traffic-tacos.yaml.")
    var plan: String

    @Option(help: "Use this variant of the plan (a name under its `variants:`) instead of the plan itself.")
    var variant: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var cost: CostOption

    var request: PlanRequest { PlanRequest(path: plan, variant: variant) }

    func evidence(calibrated: Bool = false) -> EvidenceRequest {
        EvidenceRequest(db: store.db, asOf: store.day, costsFile: cost.costs, calibrated: calibrated)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
