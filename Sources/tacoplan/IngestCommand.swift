import ArgumentParser
import Foundation
import TacoCore

/// `tacoplan ingest FILE…`: reads load-test results (k6 summary JSON in any of its three shapes, k6 CSV output, or a
/// step CSV) and reports what was found; with ≥ 6 ramp points it fits the Universal Scalability Law
/// (Docs/Benchmarks.md §5). Persistence into SQLite waits for the store module.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest", abstract: "Read k6 summaries, k6 CSV output or step CSVs and fit the USL to a ramp.")

    @Argument(help: "Files to read (.json: k6 summary; .csv: k6 CSV output or a step CSV).") var files: [String]

    func run() throws { try reporting(body) }

    func body() throws {
        for file in files {
            let text = try PlanLoader.readText(file)
            do {
                try report(file: file, text: text)
            } catch let e as IngestError {
                throw Failure.input([e.description])
            }
        }
    }

    func report(file: String, text: String) throws(IngestError) {
        if file.lowercased().hasSuffix(".json") {
            let s = try K6Summary.parse(text: text, file: file)
            for w in s.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
            print(
                "\(file): k6 \(s.shape.rawValue): \(s.requests.map { Format.grouped($0) } ?? "?") requests, "
                    + "\(s.requestsPerSecond.map { Format.number($0, maxDecimals: 1) } ?? "?") req/s, error rate "
                    + "\(s.errorRate.map { Format.number($0, maxDecimals: 3) + " %" } ?? "?"), p95 "
                    + "\(s.p95Milliseconds.map { Format.number($0, maxDecimals: 1) + " ms" } ?? "?")")
            return
        }
        if text.hasPrefix("metric_name,") {
            let seconds = try K6CSV.parse(text: text, file: file)
            print(
                "\(file): k6 CSV, \(seconds.count) seconds, peak \(Format.grouped(seconds.map(\.requests).max() ?? 0)) req/s"
            )
            let ramp = seconds.compactMap { s in s.vus.map { LoadPoint(load: $0, throughput: s.requests) } }
                .filter { $0.load > 0 && $0.throughput > 0 }
            fitUSL(ramp, loadName: "VUs")
            return
        }
        let steps = try StepCSV.parse(text: text, file: file)
        for w in steps.warnings { FileHandle.standardError.write(Data("warning: \(w)\n".utf8)) }
        print("\(file): step CSV, \(steps.steps.count) steps")
        fitUSL(steps.steps.compactMap { s in s.pods.map { LoadPoint(load: $0, throughput: s.rps) } }, loadName: "pods")
    }

    func fitUSL(_ points: [LoadPoint], loadName: String) {
        guard points.count >= ScalabilityLaw.minimumPoints else {
            print(
                "  USL: not fitted (\(points.count) ramp points with \(loadName); needs \(ScalabilityLaw.minimumPoints))"
            )
            return
        }
        do {
            let m = try ScalabilityLaw.fit(points)
            let peak = m.peakThroughput.map { Format.grouped($0) } ?? "none (κ ≤ 0: no retrograde region)"
            let at = m.maxConcurrency.map { " at \(Format.grouped($0)) \(loadName)" } ?? ""
            print(
                "  USL: σ = \(Format.number(m.sigma, maxDecimals: 6)), κ = \(Format.number(m.kappa, maxDecimals: 8)), "
                    + "λ = \(Format.number(m.lambda, maxDecimals: 3)); peak throughput \(peak)\(at)")
        } catch {
            print("  USL: not fitted: \(error)")
        }
    }
}
