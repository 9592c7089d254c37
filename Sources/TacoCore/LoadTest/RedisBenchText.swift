/// Pure readers for what `tacoplan bench redis` gets back from a real server (method: Docs/Benchmarks.md §6):
/// `INFO cpu`, `INFO commandstats`, `INFO server`, and `redis-benchmark --csv` output.
public enum RedisBenchText {
    /// `key:value` lines of an INFO reply (section headers and blank lines skipped).
    public static func info(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            out[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        return out
    }

    /// Server CPU seconds so far: `used_cpu_user` + `used_cpu_sys`.
    public static func cpuSeconds(_ text: String) -> Double? {
        let i = info(text)
        guard let user = i["used_cpu_user"].flatMap(Double.init), let sys = i["used_cpu_sys"].flatMap(Double.init)
        else {
            return nil
        }
        return user + sys
    }

    /// `cmdstat_<name>:calls=…,usec=…,usec_per_call=…` → calls and total µs, by lower-case command name.
    public static func commandStats(_ text: String) -> [String: (calls: Double, usec: Double)] {
        var out: [String: (calls: Double, usec: Double)] = [:]
        for (key, value) in info(text) where key.hasPrefix("cmdstat_") {
            var fields: [String: Double] = [:]
            for part in value.split(separator: ",") {
                let kv = part.split(separator: "=", maxSplits: 1)
                if kv.count == 2, let v = Double(kv[1]) { fields[String(kv[0])] = v }
            }
            if let calls = fields["calls"], let usec = fields["usec"] {
                out[String(key.dropFirst("cmdstat_".count))] = (calls, usec)
            }
        }
        return out
    }

    public struct BenchmarkRow: Hashable, Sendable {
        public var opsPerSecond: Double
        public var p50: Double
        public var p99: Double
    }

    /// `redis-benchmark --csv`: header `"test","rps",…,"p50_latency_ms",…,"p99_latency_ms",…` and one row.
    public static func benchmarkCSV(_ text: String) -> BenchmarkRow? {
        guard let table = try? CSVTable(text: text), let row = table.rows.last?.fields,
            let rps = table.column("rps").flatMap({ Double(row[$0]) }),
            let p50 = table.column("p50_latency_ms").flatMap({ Double(row[$0]) }),
            let p99 = table.column("p99_latency_ms").flatMap({ Double(row[$0]) })
        else { return nil }
        return BenchmarkRow(opsPerSecond: rps, p50: p50, p99: p99)
    }

    /// Whether `host` names the loopback interface; `tacoplan bench redis` refuses anything else.
    public static func isLoopback(_ host: String) -> Bool {
        if ["localhost", "::1", "[::1]"].contains(host.lowercased()) { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// RESP for `redis-cli --pipe`: N queue members `user:00000000-0000-4000-8000-%012d` in ZSET `q` (ZADD batches of
    /// 1,000, score = join time in ms) and one 200-byte `queue:<id>` string per user — the reference benchmark's data.
    public static func preload(users n: Int) -> String {
        func resp(_ args: [String]) -> String {
            "*\(args.count)\r\n" + args.map { "$\($0.utf8.count)\r\n\($0)\r\n" }.joined()
        }
        func id(_ i: Int) -> String {
            let digits = String(i)
            return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
        }
        let value =
            "{\"joined\":1727000000000,\"ip\":\"198.51.100.7\",\"ua\":\"" + String(repeating: "x", count: 155) + "\"}"
        var out = ""
        var start = 0
        while start < n {
            let end = min(start + 1000, n)
            var args = ["ZADD", "q"]
            for i in start..<end { args += [String(1_727_000_000_000 + i), "user:" + id(i)] }
            out += resp(args)
            for i in start..<end { out += resp(["SET", "queue:" + id(i), value]) }
            start = end
        }
        return out
    }
}
