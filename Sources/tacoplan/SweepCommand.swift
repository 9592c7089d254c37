import ArgumentParser
import TacoApp
import TacoReport

/// `tacoplan sweep`: the plan re-sized over a range of crowd sizes, with break points (logic in
/// `TacoCore.ScaleSweep`, rendering in `TacoReport.SweepText` / `SweepCSV` / `SweepChart`).
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract:
            "Re-size and price the plan over a range of users (or status or gateway requests/s) and find the break points."
    )

    @OptionGroup var options: PlanOptions
    @OptionGroup var calibration: CalibrationOption

    @Option(help: "Users from..to, e.g. 100k..3M (k = thousand, M = million).")
    var users: String?

    @Option(name: .customLong("status-rps"), help: "Status requests/s from..to instead of users, e.g. 30k..100k.")
    var statusRPS: String?

    @Option(help: "Gateway requests/s from..to instead of users, e.g. 10k..100k (the seed's next goal).")
    var rps: String?

    @Option(help: "Number of points, both ends included (2 to \(SweepRange.maxSteps)).")
    var steps = 12

    @Option(help: "Output format: table, json, csv or svg (the chart).")
    var format: OutputFormat = .table
    static let formats: [OutputFormat] = [.table, .json, .csv, .svg]

    func validate() throws {
        try format.check(Self.formats, command: "sweep")
        guard [users, statusRPS, rps].compactMap({ $0 }).count == 1 else {
            throw ValidationError(
                "give exactly one of --users FROM..TO, --status-rps FROM..TO or --rps FROM..TO, e.g. --users 100k..3M")
        }
        if case .failure(let e) = range() { throw ValidationError(e.diagnostic.sentence) }
    }

    func range() -> Result<SweepRange, SweepRangeError> {
        let axis: SweepAxis = users != nil ? .users : (statusRPS != nil ? .statusRPS : .gatewayRPS)
        return SweepRange.parse(users ?? statusRPS ?? rps ?? "", axis: axis, steps: steps)
    }

    func run() throws {
        let outcome = try SweepUseCase.run(
            options.request, range: try range().get(), evidence: options.evidence(calibration),
            context: Terminal.context)
        let result = outcome.result
        let a = outcome.assessment
        switch format {
        case .json:
            Terminal.out(
                try SweepDocument(
                    result, assessment: AssessmentDigest(a.plan, estimate: a.estimate, exit: a.exitCode),
                    reach: outcome.reach?.reach, deploymentFix: outcome.reach?.fixes
                ).json())
        case .csv: Terminal.out(SweepCSV.render(result))
        case .svg: Terminal.out(SVGChart.render(SweepChart.cost(result)))
        default:
            Terminal.out(
                TextFold.fold(
                    SweepText.render(result, reach: outcome.reach?.reach, style: Style(enabled: Terminal.colour))))
            if let planned = a.regions?.deployment.topology, !outcome.topologiesAtTop.isEmpty {
                Terminal.out(
                    TextFold.fold(
                        "Every topology at the top rate (the same crowd, split by the plan's shares):\n"
                            + RegionsText.comparisonTable(outcome.topologiesAtTop, planned: planned).render() + "\n"
                            + (outcome.reach?.fixes.map { RegionsText.fixLines($0).joined(separator: "\n") + "\n" }
                                ?? "")))
            }
            Terminal.out(TextFold.fold(SweepText.atOwnScale(a.plan, exit: a.exitCode)))
        }
        if let failure = outcome.failure { throw failure }
    }
}
