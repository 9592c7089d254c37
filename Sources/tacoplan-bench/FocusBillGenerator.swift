import Foundation
import TacoCore

/// A FOCUS 1.0 bill of any size made from the shipped sample (Tests/Fixtures/focus/focus_sample.csv, CC BY 4.0,
/// FinOps Foundation): its 1,000 rows repeated, copy k with ChargePeriodStart/End shifted k hours later and `Id`
/// shifted by k × 1,000,000, so every row is distinct (different content, same columns, same value shapes). Row i
/// is copy i ÷ 1,000 of sample row i mod 1,000, so Σ BilledCost of the file is exactly the sample's sum times the
/// number of whole copies plus the first rows of the last copy.
enum FocusBillGenerator {
    static func sample() throws -> CSVTable {
        let candidates = [
            ProcessInfo.processInfo.environment["TACOPLAN_FOCUS_SAMPLE"], "Tests/Fixtures/focus/focus_sample.csv",
            "/work/shared/reference/samples/focus/focus_sample.csv",
        ].compactMap { $0 }
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw BenchError("the FOCUS sample is not found: run from the repository or set TACOPLAN_FOCUS_SAMPLE")
        }
        return try CSVTable(text: try String(contentsOfFile: path, encoding: .utf8))
    }

    /// Writes `rows` rows to `path`; returns the bytes written.
    @discardableResult
    static func write(rows: Int, to path: String) throws -> Int {
        let table = try sample()
        let header = table.header
        let start = header.firstIndex(of: "ChargePeriodStart")
        let end = header.firstIndex(of: "ChargePeriodEnd")
        let id = header.firstIndex(of: "Id")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let out = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
        defer { try? out.close() }
        var buffer = header.map(quote).joined(separator: ",") + "\n"
        var written = 0
        for i in 0..<rows {
            let copy = i / table.rows.count
            var fields = table.rows[i % table.rows.count].fields
            for c in [start, end].compactMap({ $0 }) {
                if let t = BillInstant(text: fields[c]) {
                    let shifted = BillInstant(seconds: t.seconds + Int64(copy) * 3600).description
                    fields[c] = shifted.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "")
                }
            }
            if let id, let n = Int(fields[id]) { fields[id] = String(n + copy * 1_000_000) }
            buffer += fields.map(quote).joined(separator: ",") + "\n"
            if buffer.utf8.count > 1 << 20 {
                out.write(Data(buffer.utf8))
                written += buffer.utf8.count
                buffer = ""
            }
        }
        out.write(Data(buffer.utf8))
        written += buffer.utf8.count
        return written
    }

    /// The sample's style: NULL and numbers bare, other text quoted.
    static func quote(_ s: String) -> String {
        if s == "NULL" || (!s.isEmpty && s.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "E" })) {
            return s
        }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
