import ArgumentParser
import TacoCore

/// Options every planning command shares.
struct PlanOptions: ParsableArguments {
    @Argument(help: "The workload plan (YAML), e.g. plans/traffic-tacos.yaml.")
    var plan: String

    @Option(
        name: .customLong("as-of"),
        help: "Use prices in force on this day (YYYY-MM-DD). Default: the plan's pricing.as_of, else today.")
    var asOf: String?

    @Option(help: "Use this variant of the plan (a name under its `variants:`) instead of the plan itself.")
    var variant: String?

    @Option(help: "SQLite database (default: $TACOPLAN_DB, else ~/.local/share/tacoplan/tacoplan.sqlite).")
    var db: String?

    @Option(
        help:
            "Per-command Redis costs measured by `tacoplan bench redis --output FILE` (default: the bundled reference)."
    )
    var costs: String?

    func validate() throws {
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2026-11-01")
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
