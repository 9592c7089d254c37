import ArgumentParser
import Foundation
import TacoApp
import TacoReport

@main
struct Tacoplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacoplan",
        abstract: "Size and price a flash-crowd waiting room on AWS (gateway + Redis/Valkey queue + DynamoDB).",
        discussion:
            """
            Exit codes, the same in every command; a command that judges a plan exits with its one assessment after \
            printing everything, and the "(exit N)" it prints is the code it exits with:
              0  FEASIBLE; AT RISK unless --fail-on at-risk; any verdict with --fail-on never
              2  invalid input (plan, file, option)
              3  pricing data missing (region, date, or most cost lines UNPRICED; never 5 for a missing price)
              4  database error
              5  INFEASIBLE (the output is still printed)
              6  bench redis: a needed program is missing
              7  bench redis: the measurement failed
              8  AT RISK with --fail-on at-risk
            """,
        subcommands: [
            EstimateCommand.self, ExplainCommand.self, SearchCommand.self, CompareCommand.self, ReportCommand.self,
            SweepCommand.self, SimulateCommand.self,
            PricingCommand.self, ValidateCommand.self, BenchCommand.self, IngestCommand.self, BillCommand.self,
            ReconcileCommand.self, ObserveCommand.self,
        ])

    /// `--version` on the root command only (ArgumentParser's `CommandConfiguration(version:)` would add it to every
    /// subcommand's help as well).
    @Flag(help: "Print tacoplan's version and exit.")
    var version = false

    /// `tacoplan --version` prints the version; `tacoplan` alone prints the help, as a command with subcommands does.
    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        Terminal.out(TacoplanVersion.current + "\n")
    }

    /// Parses and runs. An `AppFailure` prints its lines and exits with its code; option errors exit 2 (where
    /// ArgumentParser would use 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try TextTable.$width.withValue(Terminal.columns) { try command.run() }
        } catch let failure as AppFailure {
            if !failure.lines.isEmpty { Terminal.error(failure.description) }
            Foundation.exit(failure.status.rawValue)
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.invalidInput.rawValue)
            }
            exit(withError: error)
        }
    }
}
