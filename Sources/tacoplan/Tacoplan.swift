import ArgumentParser
import Foundation
import TacoApp

@main
struct Tacoplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacoplan",
        abstract: "Size and price a flash-crowd waiting room on AWS (gateway + Redis/Valkey queue + DynamoDB).",
        discussion:
            "Exit codes, the same in every command and following the plan's verdict: 0 FEASIBLE or AT RISK (the verdict is printed first; JSON verdict.status for gating); 2 invalid input (plan, file, option); 3 pricing data missing (region, date, or most cost lines UNPRICED); 4 database error; 5 INFEASIBLE (the output is still printed); bench redis: 6 a needed program is missing, 7 the measurement failed.",
        subcommands: [
            EstimateCommand.self, ExplainCommand.self, SearchCommand.self, CompareCommand.self, ReportCommand.self,
            SweepCommand.self, SimulateCommand.self,
            PricingCommand.self, ValidateCommand.self, BenchCommand.self, IngestCommand.self, BillCommand.self,
            ReconcileCommand.self, ObserveCommand.self,
        ])

    /// Parses and runs. An `AppFailure` prints its lines and exits with its code; option errors exit 2 (where
    /// ArgumentParser would use 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
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
