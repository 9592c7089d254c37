import Foundation

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
        let root: JSONValue
        do { root = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) } catch {
            throw IngestError(file: file, message: "not valid JSON (\(Self.describe(error)))")
        }
        // Versioned machine-readable summary: results.metrics is a list.
        if case .array(let list)? = root["results"]?["metrics"] {
            var metrics: [String: JSONValue] = [:]
            for m in list {
                guard let name = m["name"]?.string, let values = m["values"] else { continue }
                metrics[name] = values
            }
            return build(.machineReadable, metrics, warnings: [])
        }
        guard case .object(let byName)? = root["metrics"], byName["http_reqs"] != nil else {
            throw IngestError(
                file: file, field: "metrics.http_reqs",
                message: "not a k6 summary: expected `metrics.http_reqs` (handleSummary data or --summary-export) or "
                    + "`results.metrics[]` (machine-readable summary)")
        }
        if byName["http_reqs"]?["values"] != nil {
            return build(.handleSummary, byName.compactMapValues { $0["values"] }, warnings: [])
        }
        let warning =
            "\(file): legacy --summary-export file: its threshold booleans are inverted (true means the threshold "
            + "FAILED); prefer handleSummary or the machine-readable summary"
        return build(.legacyExport, byName, warnings: [warning])
    }

    static func build(_ shape: Shape, _ metrics: [String: JSONValue], warnings: [String]) -> K6Summary {
        let failed = metrics["http_req_failed"]
        // handleSummary/machine-readable give `rate`; --summary-export gives `value` for rate metrics.
        let failRate = failed?["rate"]?.number ?? failed?["value"]?.number
        return K6Summary(
            shape: shape, requests: metrics["http_reqs"]?["count"]?.number,
            requestsPerSecond: metrics["http_reqs"]?["rate"]?.number, errorRate: failRate.map { $0 * 100 },
            maxVUs: metrics["vus_max"]?["max"]?.number ?? metrics["vus_max"]?["value"]?.number,
            p95Milliseconds: metrics["http_req_duration"]?["p(95)"]?.number, warnings: warnings)
    }

    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let c) = error {
            return (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? c.debugDescription
        }
        return "\(error)"
    }
}
