import ArgumentParser
import Foundation
import TacoCore
import TacoReport

/// `tacoplan compare`: plans and plan variants side by side, deltas against a baseline, savings per lever, and
/// the seed's claimed savings beside the computed ones.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "Compare plans and plan variants: configuration, nodes, utilization, cost, deltas and savings per lever.",
        discussion: """
            With one plan, its variants are compared with the plan itself (named 'base'). With several plans, each \
            plan is named by its file name (without .yaml) and its variants as 'plan/variant'.
            """)

    @Argument(help: "Plan files (YAML).")
    var plans: [String]

    @Option(help: "The column the others are compared with (default: the first plan).")
    var baseline: String?

    @Option(name: .customLong("as-of"), help: "Use prices in force on this day (YYYY-MM-DD).")
    var asOf: String?

    @Option(help: "SQLite database (default: $TACOPLAN_DB, else ~/.local/share/tacoplan/tacoplan.sqlite).")
    var db: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var calibration: CalibrationOption

    func validate() throws {
        if plans.isEmpty { throw ValidationError("give at least one plan file") }
        if let asOf, Day(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date; write YYYY-MM-DD, e.g. 2026-11-01")
        }
    }

    func run() throws {
        try reporting {
            let entries = try loadEntries()
            let names = entries.map(\.name)
            let base = baseline ?? names[0]
            guard let comparison = Comparison.build(entries, baseline: base) else {
                let hint = Suggestion.closest(to: base, in: names).map { "did you mean '\($0)'? " } ?? ""
                throw Failure.input([
                    "error: --baseline '\(base)' is not one of the compared plans",
                    "    fix: \(hint)use one of \(names.joined(separator: ", "))",
                ])
            }
            switch format {
            case .json: Terminal.out(try CompareDocument(comparison).json())
            case .table: Terminal.out(CompareText.render(comparison, style: Style(enabled: Terminal.colour)))
            }
            if let base = CompareVerdicts.baseline(comparison), base.exitCode != 0 {
                throw Failure(
                    code: base.exitCode, lines: ["verdict: the baseline '\(comparison.baseline)' is \(base.headline)"])
            }
        }
    }

    func loadEntries() throws -> [CompareEntry] {
        try CompareEntries.load(
            plans: plans, asOf: asOf.flatMap(Day.init(iso:)), db: db, calibration: calibration)
    }
}

/// The JSON form of a comparison: versioned, money as decimal strings, keys sorted.
struct CompareDocument: Codable {
    static let currentSchema = "tacoplan.compare/1"
    var schema = CompareDocument.currentSchema
    var comparison: Comparison

    init(_ comparison: Comparison) { self.comparison = comparison }

    func json() throws -> String {
        try StableJSON.encode(self)
    }
}

/// The terminal form: a summary table, per-resource tables, lever attribution per column, and the seed's claims.
enum CompareText {
    static func signed(_ m: Money) -> String { (m.amount > 0 ? "+" : "") + Format.usd(m) }

    static func render(_ c: Comparison, style: Style) -> String {
        var out = style.heading("Compare (baseline: \(c.baseline))") + "\n\n"
        var summary = TextTable(
            ["plan", "verdict", "per event", "per month", "Δ month vs \(c.baseline)", "Δ event"],
            aligns: [.left, .left, .right, .right, .right, .right])
        for col in c.columns {
            let marker = CompareVerdicts.marker(col.missing)
            summary.add([
                col.name + (col.name == c.baseline ? " (baseline)" : ""), col.verdict.status.rawValue,
                Format.usd(col.perEvent) + marker, Format.usd(col.perMonth) + marker,
                col.deltaPerMonth.map(signed) ?? (col.unpricedLines > 0 ? "— (UNPRICED)" : "—"),
                col.deltaPerEvent.map(signed) ?? "—",
            ])
        }
        out += summary.render() + "\n" + CompareVerdicts.render(c.columns) + "\n"

        for resource in ["redis", "gateway", "eks", "dynamodb"] {
            var t = TextTable(
                ["plan", "configuration", "nodes", "utilization", "per event", "per month"],
                aligns: [.left, .left, .right, .left, .right, .right])
            for col in c.columns {
                if let r = col.resources.first(where: { $0.resource == resource }) {
                    t.add([
                        col.name, r.configuration, r.nodes.map(String.init) ?? "—", r.utilization,
                        r.perEvent.map { Format.usd($0) } ?? "UNPRICED",
                        r.perMonth.map { Format.usd($0) } ?? "UNPRICED",
                    ])
                } else if let why = col.infeasibilities.first(where: { $0.resource == resource }) {
                    t.add([col.name, "INFEASIBLE: \(why.constraint)", "—", factor(why), "—", "—"])
                }
            }
            out += "\n" + style.heading(resource) + "\n" + t.render() + "\n"
        }

        out +=
            "\n" + style.heading("Savings by lever (each step switches one lever from the baseline's setting)") + "\n"
        for col in c.columns where col.name != c.baseline {
            out += "\n  \(col.name)" + (col.about.map { " — \($0)" } ?? "") + "\n"
            if !col.feasible {
                for why in col.infeasibilities {
                    out += "    " + style.bad("infeasible") + ": \(why.resource) \(why.constraint): \(why.message)\n"
                }
                continue
            }
            guard let total = col.deltaPerMonth, let totalEvent = col.deltaPerEvent else {
                out += "    no deltas: the baseline is infeasible\n"
                continue
            }
            var t = TextTable(["lever", "Δ per month", "Δ per event"], aligns: [.left, .right, .right])
            for s in col.levers {
                t.add([s.lever + (s.note.map { " (\($0))" } ?? ""), signed(s.deltaPerMonth), signed(s.deltaPerEvent)])
            }
            t.add(["total", signed(total), signed(totalEvent)])
            out += t.render(indent: "    ") + "\n"
        }

        guard !c.claims.isEmpty else { return out }
        out += "\n" + style.heading("The plan's claimed savings vs computed") + "\n"
        var claims = TextTable(["claim", "claimed", "computed"], aligns: [.left, .right, .left])
        for k in c.claims { claims.add([k.claim, k.seed, k.computed]) }
        out += claims.render() + "\n"
        for k in c.claims { out += "  - \(k.claim): \(k.reason)\n" }
        return out
    }

    static func factor(_ i: Comparison.Infeasibility) -> String {
        i.limit > 0
            ? "needs \(Format.number(i.needed, maxDecimals: 2)) \(i.unit), limit \(Format.number(i.limit, maxDecimals: 2)) (\(Format.number(i.factor, maxDecimals: 1))×)"
            : "—"
    }
}
