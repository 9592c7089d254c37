/// k6's CSV output (`k6 run --out csv=…`): one row per sample, `metric_name,timestamp,metric_value,…` with the
/// timestamp in Unix seconds. Aggregated per second into requests/s (count of `http_reqs` samples × their value)
/// and VUs (largest `vus` sample in the second).
public enum K6CSV {
    public static func parse(text: String, file: String) throws(IngestError) -> [K6Second] {
        let table = try LoadTestCSV.table(text, file: file)
        guard let name = table.column("metric_name"), let time = table.column("timestamp"),
            let value = table.column("metric_value")
        else {
            throw IngestError(
                file: file, line: 1, message: "not k6 CSV output: expected columns metric_name, timestamp, metric_value"
            )
        }
        var requests: [Int: Double] = [:]
        var vus: [Int: Double] = [:]
        for (line, f) in table.rows where f[name] == "http_reqs" || f[name] == "vus" {
            guard let t = Double(f[time]), ValueRules.k6Timestamps.contains(t), let v = Double(f[value]), v.isFinite,
                v >= 0
            else {
                throw IngestError(
                    file: file, line: line, field: "timestamp/metric_value",
                    message:
                        "expected a Unix timestamp from 2017 to 2100 (ValueRules.k6Timestamps) and a non-negative "
                        + "value, found '\(Excerpt.quoted(f[time]))', '\(Excerpt.quoted(f[value]))'")
            }
            let s = Int(t.rounded(.down))
            if f[name] == "http_reqs" { requests[s, default: 0] += v } else { vus[s] = max(vus[s] ?? 0, v) }
        }
        guard !requests.isEmpty else {
            throw IngestError(file: file, message: "no http_reqs samples: nothing to aggregate")
        }
        let seconds = Set(requests.keys).union(vus.keys).count
        guard seconds <= InputLimits.loadTestSteps else {
            throw IngestError(
                file: file,
                message: "the samples span \(Format.grouped(Double(seconds))) seconds, over the limit of "
                    + "\(Format.grouped(Double(InputLimits.loadTestSteps))) load-test steps (InputLimits.loadTestSteps)"
            )
        }
        return Set(requests.keys).union(vus.keys).sorted().map {
            K6Second(second: $0, requests: requests[$0] ?? 0, vus: vus[$0])
        }
    }
}

/// One second of a k6 run, aggregated by `K6CSV`: requests/s and VUs.
public struct K6Second: Hashable, Sendable {
    public var second: Int
    public var requests: Double
    public var vus: Double?
}
