import ArgumentParser
import Foundation

@main
struct Tacoplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacoplan",
        abstract: "Size and price a flash-crowd waiting room on AWS (gateway + Redis/Valkey queue + DynamoDB).",
        discussion:
            "Exit codes, the same in every command and following the plan's verdict: 0 FEASIBLE or AT RISK (the verdict is printed first; JSON verdict.status for gating); 2 invalid input (plan, file, option); 3 pricing data missing (region, date, or most cost lines UNPRICED); 4 database error; 5 INFEASIBLE (the output is still printed).",
        subcommands: [
            EstimateCommand.self, ExplainCommand.self, SearchCommand.self, CompareCommand.self, ReportCommand.self,
            PricingCommand.self, ValidateCommand.self, BenchCommand.self, IngestCommand.self,
        ])

    /// Parses and runs, mapping option errors to the documented exit code 2 (ArgumentParser would use 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
