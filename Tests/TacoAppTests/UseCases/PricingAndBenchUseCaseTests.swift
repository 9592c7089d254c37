import Foundation
import TacoApp
import TacoCore
import TacoReport
import TestSupport
import Testing

/// `pricing show` and `pricing coverage` in process against the bundled price book.
@Suite struct PricingUseCaseTests {
    @Test func showListsEveryQuoteAndMarksTheOnesInForce() throws {
        let run = try AppRun()
        let outcome = try PricingShowUseCase.run(
            product: "cache.m7g.xlarge", db: run.db, asOf: Day(iso: "2026-11-01"), context: run.context)
        #expect("\(outcome.day)" == "2026-11-01")
        // pricing/prices.csv: us-east-1 Redis OSS $0.315/h from 2024-07-01, Valkey $0.252/h from 2024-10-08, both in
        // force on 2026-11-01.
        let inForce = outcome.quotes.filter(\.inForce).map(\.quote.usd)
        #expect(inForce.contains(Money(string: "0.315") ?? Money(0)))
        #expect(inForce.contains(Money(string: "0.252") ?? Money(0)))
    }

    @Test func showOfAnUnknownProductIsAnInputError() throws {
        let run = try AppRun()
        do {
            _ = try PricingShowUseCase.run(product: "no.such", db: run.db, asOf: nil, context: run.context)
            Issue.record("an unknown product was shown")
        } catch {
            #expect(error.status == .invalidInput)
            #expect(error.lines.joined(separator: "\n").contains("no prices for 'no.such'"))
        }
    }

    @Test func coverageOfSeoulNamesTheMissingPricesAndExitsThree() throws {
        let run = try AppRun()
        let outcome = try PricingCoverageUseCase.run(
            plan: AppRun.plan("seoul-concert.yaml"), db: run.db, asOf: Day(iso: "2026-11-01"), context: run.context)
        // No Seoul ElastiCache price is bundled: the plan's cache.m7g.xlarge (Valkey) candidates are unpriced, each
        // with the fetch that prices it; a missing price is exit 3, never a verdict.
        let missing = outcome.lines.filter { !$0.priced }
        #expect(outcome.lines.count == 25)
        #expect(missing.count == 3)
        #expect(outcome.failure?.status == .pricingMissing)
        #expect(missing.allSatisfy { $0.fetch?.hasPrefix("tacoplan pricing fetch --region ap-northeast-2") == true })
    }
}

/// `bench redis`'s checks that come before any measurement, in process (the measurements themselves need a real
/// server: `BenchRedisTests`).
@Suite struct BenchRedisUseCaseTests {
    static func request(output: String? = nil, hardware: String? = nil) -> BenchRedisUseCase.Request {
        BenchRedisUseCase.Request(
            engine: .redis, host: "127.0.0.1", port: nil, users: 1000, requests: 1000, keysRequests: 10, timeout: 30,
            label: "test", output: output, hardware: hardware)
    }

    /// No program is on PATH and every temporary file stays in the run's scratch folder.
    static func context(_ run: AppRun) -> AppContext {
        AppContext(
            clock: run.context.clock,
            environment: run.context.environment.merging(["PATH": "", "TMPDIR": run.scratch.path]) { $1 })
    }

    @Test func anUnusableOutputIsRefusedBeforeMeasuring() throws {
        let run = try AppRun()
        for (output, message) in [
            ("/dev/full", "--output is not a regular file"),
            (run.scratch.appendingPathComponent("missing/costs.csv").path, "which is not an existing directory"),
            (run.scratch.path, "--output is a directory"),
        ] {
            var log: [String] = []
            do {
                _ = try BenchRedisUseCase.run(Self.request(output: output), context: Self.context(run)) {
                    log.append($0)
                }
                Issue.record("\(output) was accepted")
            } catch {
                #expect(error.status == .invalidInput, "\(output)")
                let lines = error.lines.joined(separator: "\n")
                #expect(lines.contains(message), "\(lines)")
                #expect(lines.contains("fix:"))
            }
            #expect(log.isEmpty, "a measurement started before the check: \(log)")
        }
    }

    @Test func aHardwareThatIsNotAnAWSTypeIsRefused() throws {
        let run = try AppRun()
        do {
            _ = try BenchRedisUseCase.run(
                Self.request(hardware: "m7g.xlarge; rm -rf /"), context: Self.context(run)
            ) { _ in }
            Issue.record("a shell command was accepted as hardware")
        } catch {
            #expect(error.status == .invalidInput)
            #expect(error.lines.joined(separator: "\n").contains("is not an AWS instance or node type"))
        }
    }

    @Test func missingProgramsExitSix() throws {
        let run = try AppRun()
        do {
            _ = try BenchRedisUseCase.run(Self.request(), context: Self.context(run)) { _ in }
            Issue.record("bench ran without redis-cli")
        } catch {
            #expect(error.status == .benchToolMissing)  // exit 6
            #expect(error.lines.joined(separator: "\n").contains("redis-cli and redis-benchmark are needed"))
        }
    }
}
