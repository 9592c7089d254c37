/// The figures tacoplan takes from a k6 end-of-test summary, whichever of the three shapes it came in.
public struct K6Summary: Hashable, Sendable {
    public enum Shape: String, Hashable, Sendable {
        /// The data object `handleSummary(data)` receives: `metrics.<name>.values.<stat>`.
        case handleSummary = "handleSummary data"
        /// The versioned machine-readable summary: `results.metrics[]` of `{name, type, values}`.
        case machineReadable = "machine-readable summary"
        /// `k6 run --summary-export`: `metrics.<name>.<stat>` with no `values` level; deprecated.
        case legacyExport = "legacy --summary-export"
    }
    public var shape: Shape
    public var requests: Double?
    /// `http_reqs` rate: requests per second over the whole run.
    public var requestsPerSecond: Double?
    /// `http_req_failed` rate, in percent.
    public var errorRate: Double?
    public var maxVUs: Double?
    public var p95Milliseconds: Double?
    public var warnings: [String]
}

extension K6Summary {
    public static func parse(text: String, file: String) throws(IngestError) -> K6Summary {
        guard text.utf8.count <= InputLimits.k6SummaryBytes else {
            throw IngestError(
                file: file,
                message:
                    "the file is \(InputLimits.bytes(text.utf8.count)), over the \(InputLimits.bytes(InputLimits.k6SummaryBytes)) "
                    + "limit for a k6 summary (InputLimits.k6SummaryBytes); real summaries are a few tens of KB")
        }
        let root: JSONValue
        do { root = try JSONParser.parse(text) } catch {
            throw IngestError(
                file: file, line: error.line, message: "not valid JSON at column \(error.column): \(error.message)")
        }
        // Versioned machine-readable summary: results.metrics is a list.
        if case .array(let list)? = root["results"]?["metrics"] {
            var metrics: [String: JSONValue] = [:]
            for m in list {
                guard let name = m["name"]?.string, let values = m["values"] else { continue }
                metrics[name] = values
            }
            return try build(.machineReadable, metrics, warnings: [], file: file)
        }
        guard case .object(let byName)? = root["metrics"], byName["http_reqs"] != nil else {
            throw IngestError(
                file: file, field: "metrics.http_reqs",
                message: "not a k6 summary: expected `metrics.http_reqs` (handleSummary data or --summary-export) or "
                    + "`results.metrics[]` (machine-readable summary)")
        }
        if byName["http_reqs"]?["values"] != nil {
            return try build(.handleSummary, byName.compactMapValues { $0["values"] }, warnings: [], file: file)
        }
        let warning =
            "\(file): legacy --summary-export file: its threshold booleans are inverted (true means the threshold "
            + "FAILED); prefer handleSummary or the machine-readable summary"
        return try build(.legacyExport, byName, warnings: [warning], file: file)
    }

    /// Where a statistic sits in each shape, for messages: `metrics.http_reqs.values.rate`.
    static func path(_ shape: Shape, _ metric: String, _ stat: String) -> String {
        switch shape {
        case .handleSummary: "metrics.\(metric).values.\(stat)"
        case .machineReadable: "results.metrics[name=\(metric)].values.\(stat)"
        case .legacyExport: "metrics.\(metric).\(stat)"
        }
    }

    /// Every figure is checked like a price: a present value must be a finite number within its physical range,
    /// or the file is refused naming the field and the value (a summary is one step: the whole run).
    static func build(_ shape: Shape, _ metrics: [String: JSONValue], warnings: [String], file: String)
        throws(IngestError) -> K6Summary
    {
        func figure(_ metric: String, _ stats: [String], _ what: String, _ range: ClosedRange<Double>)
            throws(IngestError) -> Double?
        {
            guard let stat = stats.first(where: { metrics[metric]?[$0] != nil }), let value = metrics[metric]?[stat]
            else { return nil }
            let field = path(shape, metric, stat)
            guard let v = value.number else {
                throw IngestError(file: file, field: field, message: "expected \(what), found \(value.shown)")
            }
            guard range.contains(v) else {
                throw IngestError(
                    file: file, field: field,
                    message: "expected \(what) in \(Format.plain(range.lowerBound))…\(Format.plain(range.upperBound)), "
                        + "found \(Format.plain(v))"
                        + (metric == "http_req_failed" && v > 1
                            ? " (\(Format.plain(v * 100)) %: k6 writes rates as fractions of 1)" : ""))
            }
            return v
        }
        guard let rate = try figure("http_reqs", ["rate"], "requests per second", 0...1e9) else {
            throw IngestError(
                file: file, field: path(shape, "http_reqs", "rate"),
                message: "missing: the summary has no request rate, so there is no step to store")
        }
        guard rate > 0 else {
            throw IngestError(
                file: file, field: path(shape, "http_reqs", "rate"),
                message: "the request rate is 0: the run sent no requests, so there is no step to store")
        }
        // handleSummary/machine-readable give `rate`; --summary-export gives `value` for rate metrics.
        let failRate = try figure("http_req_failed", ["rate", "value"], "a failure rate (a fraction)", 0...1)
        return K6Summary(
            shape: shape, requests: try figure("http_reqs", ["count"], "a request count", 0...1e15),
            requestsPerSecond: rate, errorRate: failRate.map { $0 * 100 },
            maxVUs: try figure("vus_max", ["max", "value"], "a VU count", 0...10_000_000),
            p95Milliseconds: try figure(
                "http_req_duration", ["p(95)"], "a latency in milliseconds (at most a day)", 0...86_400_000),
            warnings: warnings)
    }
}
