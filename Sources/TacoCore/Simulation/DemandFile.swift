import Foundation

/// An explicit gateway demand read from a file (`simulate --demand FILE`, Docs/PlanSpec.md `scaling.demand`): a step
/// CSV with `duration` and `rps` columns (one held stage per row), or k6 options JSON with
/// `"stages": [{ "duration": "30s", "target": 5000 }]` where each target is held flat for its duration as requests/s.
public enum DemandFile {
    /// Largest demand file read: 4 MiB (a 10,000-stage CSV is about 200 kB).
    public static let maxBytes = 4 << 20

    public static func parse(text: String, file: String) throws(SimulationError) -> [DemandStage] {
        guard text.utf8.count <= maxBytes else {
            throw bad(file, "is larger than \(maxBytes >> 20) MiB")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let stages = try trimmed.hasPrefix("{") ? k6(trimmed, file: file) : csv(text, file: file)
        guard !stages.isEmpty, stages.count <= ScalingReader.maxStages else {
            throw bad(file, "needs 1 to \(ScalingReader.maxStages) stages, found \(stages.count)")
        }
        return stages
    }

    static func bad(_ place: String, _ message: String) -> SimulationError {
        SimulationError(
            message: "\(place): \(message)",
            fix: "write a CSV with a header `duration,rps` (e.g. `30s,5000`) or k6 options JSON with `stages`")
    }

    static func stage(_ duration: String, _ rps: Double?, at place: String) throws(SimulationError) -> DemandStage {
        let seconds: Seconds
        if let plain = Double(duration.trimmingCharacters(in: .whitespaces)) {
            seconds = Seconds(plain)
        } else if case .success(let s) = Seconds.parse(duration.trimmingCharacters(in: .whitespaces)) {
            seconds = s
        } else {
            throw bad(place, "'\(duration)' is not a duration")
        }
        guard seconds.value > 0, seconds.value <= 86_400 else {
            throw bad(place, "duration must be above 0 s and at most 24 h, found '\(duration)'")
        }
        guard let rps, rps.isFinite, rps >= 0, rps <= 100_000_000 else {
            throw bad(place, "rps must be a number from 0 to 100,000,000")
        }
        return DemandStage(duration: seconds, rps: rps)
    }

    static func csv(_ text: String, file: String) throws(SimulationError) -> [DemandStage] {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch { throw bad("\(file):\(error.line)", error.message) }
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let d = header.firstIndex(of: "duration"), let r = header.firstIndex(of: "rps") else {
            throw bad(
                "\(file):1",
                "expected columns `duration` and `rps`, found \(Excerpt.quoted(header.joined(separator: ","), limit: 200))"
            )
        }
        for (i, name) in header.enumerated() where header[..<i].contains(name) {
            throw bad(
                "\(file):1",
                "the column '\(Excerpt.quoted(name))' appears twice (columns \((header.firstIndex(of: name) ?? 0) + 1) and "
                    + "\(i + 1)): keep one, so no value silently replaces another")
        }
        var out: [DemandStage] = []
        for row in table.rows {
            guard row.fields.count > max(d, r) else { throw bad("\(file):\(row.line)", "too few fields") }
            out.append(
                try stage(
                    row.fields[d], Double(row.fields[r].trimmingCharacters(in: .whitespaces)),
                    at: "\(file):\(row.line)"))
        }
        return out
    }

    static func k6(_ text: String, file: String) throws(SimulationError) -> [DemandStage] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw bad(file, "is not a JSON object")
        }
        let options = object["options"] as? [String: Any] ?? object
        guard let stages = options["stages"] as? [[String: Any]] else {
            throw bad(file, "has no `stages` list")
        }
        var out: [DemandStage] = []
        for (i, s) in stages.enumerated() {
            let duration = (s["duration"] as? String) ?? (s["duration"] as? NSNumber)?.stringValue ?? ""
            out.append(try stage(duration, (s["target"] as? NSNumber)?.doubleValue, at: "\(file): stages[\(i)]"))
        }
        return out
    }
}
