import Foundation
import TacoCore
import TacoData
import TacoStore

/// Times `Simulation.run` on a 2-hour event at 1 s steps (the seed plan with 7,200,000 users admitted at 1,000/s
/// for a 2 h window, so the queue drains at 7,200 s), without and with `--prewarm auto`, next to one `estimate` of
/// the same plan in the same run. Not a test. Usage: `tacoplan-bench simulate [PLAN] [--repeat N]`.
enum SimulateBenchmark {
    static func run(arguments: [String]) throws {
        let (paths, repeats) = RepeatOption.split(arguments)
        let path = paths.last ?? "plans/traffic-tacos.yaml"
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw BenchError("\(path): cannot read") }
        guard case .success(let decoded) = PlanDecoder.decode(text: text, file: path) else {
            throw BenchError("\(path): invalid plan")
        }
        var plan = decoded.0
        let provenance = decoded.1
        plan.event.window = Seconds(7200)
        plan.event.users = 7_200_000
        plan.admission.mode = .fixed(1000)
        plan.admission.writeBudget = nil
        let dbPath =
            NSTemporaryDirectory() + "tacoplan-simulate-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { try? FileManager.default.removeItem(atPath: dbPath) }
        let db = try TacoDatabase.open(path: dbPath)
        _ = try db.loadBundled(
            prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
        guard let asOf = Day(iso: "2026-11-01") else { return }
        let input = EstimateInput(
            plan: plan, provenance: provenance, book: try db.priceBook(region: plan.event.region, asOf: asOf),
            costs: try CommandCostTable(csv: BundledData.redisCommandCostsCSV), asOf: asOf)
        var estimateTime = Double.infinity
        var plainTime = Double.infinity
        var autoTime = Double.infinity
        var steps = 0
        var simulations = 0
        for _ in 0..<repeats {
            var estimate: Estimate?
            estimateTime = min(estimateTime, SearchBenchmark.seconds { estimate = Estimate.compute(input) })
            guard let estimate else { continue }
            var failure: Error?
            plainTime = min(
                plainTime,
                SearchBenchmark.seconds {
                    do { steps = try Simulation.run(input, estimate: estimate).rows.count } catch { failure = error }
                })
            autoTime = min(
                autoTime,
                SearchBenchmark.seconds {
                    do {
                        simulations =
                            try Simulation.run(input, estimate: estimate, prewarm: .auto).prewarm?.simulations
                            ?? 0
                    } catch { failure = error }
                })
            if let failure { throw BenchError("simulate: \(failure)") }
        }
        func ms(_ s: Double) -> String { Format.number(s * 1000, maxDecimals: 2) + " ms" }
        print("simulate benchmark: \(path), 2-hour event at 1 s steps (as of \(asOf), best of \(repeats))")
        print("  simulate (no pre-warm): \(steps) steps in \(ms(plainTime))")
        print("  simulate --prewarm auto: \(simulations) simulations in \(ms(autoTime))")
        print("  baseline: one estimate of the same plan: \(ms(estimateTime))")
    }
}
