import Foundation
import TacoApp
import TacoCore
import TacoData
import TacoReport
import TestSupport
import Testing

/// Issue 9: `--costs` (and every evidence option) means the same in `compare` and `report` as in `estimate`,
/// for the plan and for every variant and lever.
@Suite struct EvidenceOptionsTests {
    /// The bundled cost table with both `usec_per_call` and `cpu_us_per_call` of every ZRANK row doubled. The model
    /// takes a command's cost as overhead + execution = (cpu − usec) + usec = cpu_us_per_call (CommandCostTable.cost),
    /// so doubling both columns doubles ZRANK's cost per call and leaves every other command unchanged.
    static func doubledZRANK() throws -> String {
        var lines = BundledData.redisCommandCostsCSV.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        let command = try #require(header.firstIndex(of: "command"))
        let usec = try #require(header.firstIndex(of: "usec_per_call"))
        let cpu = try #require(header.firstIndex(of: "cpu_us_per_call"))
        var doubled = 0
        for i in lines.indices.dropFirst() where !lines[i].isEmpty {
            var f = lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard f[command] == "ZRANK" else { continue }
            f[usec] = String(try #require(Double(f[usec])) * 2)
            f[cpu] = String(try #require(Double(f[cpu])) * 2)
            lines[i] = f.joined(separator: ",")
            doubled += 1
        }
        try #require(doubled > 0)
        return lines.joined(separator: "\n")
    }

    @Test func compareUsesTheCostsFileForEveryVariant() throws {
        let run = try AppRun()
        let costs = try run.write("zrank-x2.csv", try Self.doubledZRANK())
        let plan = AppRun.plan("traffic-tacos.yaml")
        let family = try PlanFiles.family(plan).family
        try #require(!family.variants.isEmpty, "the seed plan has variants")

        // The bundled reference VM's costs on purpose: the default ladder would calibrate the seed's cache.m7g.xlarge
        // to the load test, and the file (the measured rung) is compared with the table it doubles.
        let bundled = try Evidence.load(try run.evidence(evidence: .reference), access: .read, context: run.context)
        let doubled = try Evidence.load(try run.evidence(costs: costs), access: .read, context: run.context)
        let before = try CompareUseCase.entries([(plan, family)], evidence: bundled)
        let after = try CompareUseCase.entries([(plan, family)], evidence: doubled)
        #expect(before.count == family.variants.count + 1)
        #expect(after.map(\.name) == before.map(\.name))
        for (b, a) in zip(before, after) {
            // Every entry — the plan and each variant — reads ZRANK from the file: twice the bundled cost per call.
            let n = 300_000.0
            let old = try #require(b.input.costs.cost("ZRANK", n: n, engine: .redis))
            let new = try #require(a.input.costs.cost("ZRANK", n: n, engine: .redis))
            #expect(
                abs((new.overheadMicros + new.executionMicros) - 2 * (old.overheadMicros + old.executionMicros)) < 1e-9)
            #expect(new.reference.file == costs)
            // Busiest-node load = Σ calls × cost; only ZRANK's term doubles, so for a plan that calls ZRANK the
            // load at a fixed shard count rises, and at most doubles: old < new ≤ 2 × old. A variant that calls no
            // ZRANK (keys-scan replaces it with KEYS queue:*) keeps its load exactly.
            let loadBefore = Estimate.compute(b.input).redis.load.busiestEngineLoad(shards: 1)
            let loadAfter = Estimate.compute(a.input).redis.load.busiestEngineLoad(shards: 1)
            let callsZRANK = b.input.plan.apis.contains { $0.commands.contains { $0.command == "ZRANK" } }
            if callsZRANK {
                #expect(loadAfter > loadBefore, "\(b.name)")
                #expect(loadAfter <= 2 * loadBefore + 1e-12, "\(b.name)")
            } else {
                #expect(loadAfter == loadBefore, "\(b.name)")
            }
        }
        #expect(before.contains { $0.name == "keys-scan" })

        let c0 = try CompareUseCase.run(
            plans: [plan], baseline: nil, evidence: try run.evidence(evidence: .reference), context: run.context
        ).comparison
        let c1 = try CompareUseCase.run(
            plans: [plan], baseline: nil, evidence: try run.evidence(costs: costs), context: run.context
        ).comparison
        // With the reference VM's costs the seed plan is feasible. Its queue is one sorted set on one node, so sharding
        // cannot spread ZRANK: doubling ZRANK's cost pushes that node past the engine-CPU ceiling in every column
        // that calls ZRANK, and the comparison (built from the file for every variant) shows them infeasible.
        #expect(c0.columns.first { $0.name == "base" }?.feasible == true)
        for column in c1.columns {
            #expect(!column.feasible, "\(column.name) stayed feasible with ZRANK doubled")
            #expect(
                column.infeasibilities.contains { $0.resource == .redis && $0.constraint.contains("engine CPU") },
                "\(column.name)")
        }
    }

    @Test func reportLeversUseTheCostsFile() throws {
        let run = try AppRun()
        let costs = try run.write("zrank-x2.csv", try Self.doubledZRANK())
        let request = PlanRequest(path: AppRun.plan("traffic-tacos.yaml"))
        let r0 = try ReportUseCase.run(request, evidence: try run.evidence(evidence: .reference), context: run.context)
        let r1 = try ReportUseCase.run(request, evidence: try run.evidence(costs: costs), context: run.context)
        let l0 = try #require(r0.report.levers)
        let l1 = try #require(r1.report.levers)
        // Without the file the feasible variants each give lever savings. With ZRANK doubled every variant exceeds
        // the engine-CPU ceiling (previous test), so the lever section — estimated with the file — lists none.
        // Before issue 9 it ignored --costs and listed the same levers either way. Issue 19: the cheapest fix (found
        // with the same file) and the automatic levers are listed for any plan; no hand-written variant is.
        #expect(!l0.levers.isEmpty)
        #expect(l1.levers.allSatisfy { $0.name.hasPrefix("auto:") || $0.name.hasPrefix("cheapest fix") })
        #expect(l1.levers.first?.name.hasPrefix("cheapest fix") == true)
    }
}

/// `--calibrated` applies to every compared plan and variant, as it does to `estimate`.
@Suite struct CalibratedCompareTests {
    @Test func everyVariantIsCalibratedWithItsOwnFit() throws {
        let run = try AppRun()
        let plan = AppRun.plan("traffic-tacos.yaml")
        let family = try PlanFiles.family(plan).family
        let plain = try Evidence.load(try run.evidence(evidence: .reference), access: .read, context: run.context)
        let calibrated = try Evidence.load(try run.evidence(calibrated: true), access: .read, context: run.context)
        let before = try CompareUseCase.entries([(plan, family)], evidence: plain)
        let after = try CompareUseCase.entries([(plan, family)], evidence: calibrated)
        #expect(before.allSatisfy { $0.input.costs.calibratedOverhead == nil })
        #expect(after.count == before.count)
        for entry in after {
            let overhead = try #require(entry.input.costs.calibratedOverhead, "\(entry.name) not calibrated")
            // The fitted overhead is the one `validate` reports for the same input (tacoplan validate: least
            // squares on the bundled load test), so it must equal a fresh fit of the uncalibrated input.
            let uncalibrated = try #require(before.first { $0.name == entry.name }).input
            let refit = try Calibration.select(
                uncalibrated, request: try run.evidence(calibrated: true), reference: plain.referenceCosts
            ).costs.calibratedOverhead
            #expect(overhead == refit)
            #expect(overhead.source.hasPrefix("tacoplan validate: least squares"))
        }
    }
}
