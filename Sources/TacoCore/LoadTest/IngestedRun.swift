import Foundation

/// One load-test file as tacoplan stores it (`benchmark_run` / `benchmark_step`, Docs/Benchmarks.md §5): what it
/// was, the steps it holds with the known figures in columns, and everything else per step as extra values.
public struct IngestedRun: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var index: Int
        public var rps: Double
        public var vus: Double?
        public var redisEngineCPU: Double?
        public var gatewayCPU: Double?
        public var backendCPU: Double?
        public var pods: Double?
        public var errorRate: Double?
        /// Every other value of the step (name, status implementation, DynamoDB, unknown columns), as text.
        public var extra: [String: String]

        public init(
            index: Int, rps: Double, vus: Double? = nil, redisEngineCPU: Double? = nil, gatewayCPU: Double? = nil,
            backendCPU: Double? = nil, pods: Double? = nil, errorRate: Double? = nil, extra: [String: String] = [:]
        ) {
            self.index = index
            self.rps = rps
            self.vus = vus
            self.redisEngineCPU = redisEngineCPU
            self.gatewayCPU = gatewayCPU
            self.backendCPU = backendCPU
            self.pods = pods
            self.errorRate = errorRate
            self.extra = extra
        }
    }

    public enum FileFormat: String, Hashable, Sendable {
        case k6Summary = "k6-summary"
        case k6CSV = "k6-csv"
        case stepCSV = "step-csv"
    }

    public var file: String
    public var format: FileFormat
    /// The tool and shape: "k6 handleSummary data", "k6 CSV output", "step CSV".
    public var shape: String
    public var warnings: [String]
    /// The file's own date (ISO-8601, UTC) where it carries one: the first k6 CSV sample's timestamp.
    public var createdAt: String?
    public var steps: [Step]
    /// (load, throughput) ramp points for the USL: pods for step CSVs, VUs for k6 CSV.
    public var ramp: [LoadPoint]
    public var rampLoadName: String

    /// "a single step", "9 steps": how many steps the file holds, in words for the ingest report.
    public var stepsDescription: String {
        steps.count == 1 ? "a single step" : "\(Format.grouped(Double(steps.count))) steps"
    }

    /// Reads `text` by its shape: `.json` is a k6 summary, `metric_name,…` k6 CSV output, any other CSV a step CSV.
    public static func read(file: String, text: String) throws(IngestError) -> IngestedRun {
        if file.lowercased().hasSuffix(".json") {
            let s = try K6Summary.parse(text: text, file: file)
            // K6Summary.parse refuses a summary without a positive request rate: the run is one step.
            var steps: [Step] = []
            if let rps = s.requestsPerSecond {
                var extra: [String: String] = [:]
                if let r = s.requests { extra["requests"] = Self.text(r) }
                if let p = s.p95Milliseconds { extra["p95_ms"] = Self.text(p) }
                steps.append(Step(index: 0, rps: rps, vus: s.maxVUs, errorRate: s.errorRate, extra: extra))
            }
            return IngestedRun(
                file: file, format: .k6Summary, shape: "k6 " + s.shape.rawValue, warnings: s.warnings, createdAt: nil,
                steps: steps, ramp: [], rampLoadName: "VUs")
        }
        if text.hasPrefix("metric_name,") {
            let seconds = try K6CSV.parse(text: text, file: file)
            let steps = seconds.enumerated().map { i, s in Step(index: i, rps: s.requests, vus: s.vus) }
            let ramp = seconds.compactMap { s in s.vus.map { LoadPoint(load: $0, throughput: s.requests) } }
                .filter { $0.load > 0 && $0.throughput > 0 }
            let created = seconds.first.map {
                ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval($0.second)))
            }
            return IngestedRun(
                file: file, format: .k6CSV, shape: "k6 CSV output", warnings: [], createdAt: created, steps: steps,
                ramp: ramp, rampLoadName: "VUs")
        }
        let parsed = try StepCSV.parse(text: text, file: file)
        // The parser keeps the known figures; the other cells go to `extra` by column name.
        var extras: [[String: String]] = Array(repeating: [:], count: parsed.steps.count)
        if let table = try? CSVTable(text: text) {
            let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
            let columns: Set<String> = [
                "rps", "pods", "redis_engine_cpu", "gateway_cpu", "backend_cpu", "error_rate",
            ]
            for (i, row) in table.rows.enumerated() where i < extras.count {
                for (c, name) in header.enumerated() where !columns.contains(name) && c < row.fields.count {
                    if !row.fields[c].isEmpty { extras[i][name] = row.fields[c] }
                }
            }
        }
        let steps = parsed.steps.enumerated().map { i, s in
            let vus = extras[i].removeValue(forKey: "vus").flatMap(Double.init)
            return Step(
                index: i, rps: s.rps, vus: vus,
                redisEngineCPU: s.measured[.redisEngineCPU]?.pointValue,
                gatewayCPU: s.measured[.gatewayCPU]?.pointValue,
                backendCPU: s.measured[.backendCPU]?.pointValue, pods: s.pods,
                errorRate: s.measured[.errorRate]?.pointValue,
                extra: extras[i])
        }
        let ramp = parsed.steps.compactMap { s in s.pods.map { LoadPoint(load: $0, throughput: s.rps) } }
        return IngestedRun(
            file: file, format: .stepCSV, shape: "step CSV", warnings: parsed.warnings, createdAt: nil, steps: steps,
            ramp: ramp, rampLoadName: "pods")
    }

    /// A number as plain text: integers without a fraction, others in full precision.
    static func text(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
    }
}

/// One measured point of a ramp: load (concurrency, VUs, or offered requests/s) and throughput.
public struct LoadPoint: Hashable, Sendable {
    public var load: Double
    public var throughput: Double
    public init(load: Double, throughput: Double) {
        self.load = load
        self.throughput = throughput
    }
}
