import TacoCore
import TacoData

/// The per-command Redis costs of a run: the bundled reference, or a file written by `tacoplan bench redis`
/// (`--costs`).
public enum CommandCosts {
    public static func load(_ file: String?) throws(AppFailure) -> CommandCostTable {
        guard let file else {
            do {
                return try CommandCostTable(csv: BundledData.redisCommandCostsCSV)
            } catch {
                throw AppFailure.input(["bundled benchmark: \(error)"])
            }
        }
        let text = try TextFiles.read(file, as: .commandCosts)
        do {
            let table = try CommandCostTable(csv: text, file: file, spelling: CommandSpelling.commandLine)
            guard !table.measurements.isEmpty else {
                throw CommandCostError(.file(file, "no measurement rows"))
            }
            return table
        } catch {
            var diagnostic = (error as? CommandCostError)?.diagnostic ?? Diagnostic("\(error)")
            diagnostic.fix =
                diagnostic.fix
                ?? "pass a file written by `tacoplan bench redis --output FILE` (columns as benchmarks/redis-command-costs.csv)"
            throw AppFailure.input(diagnostic)
        }
    }
}
