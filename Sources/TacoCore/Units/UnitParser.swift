import Foundation

enum UnitParser {
    static let durationUnits: [String: Double] = [
        "ms": 0.001, "s": 1, "sec": 1, "min": 60, "m": 60, "h": TimeUnits.secondsPerHour, "d": TimeUnits.secondsPerDay,
    ]
    static let byteUnits: [String: Double] = [
        "B": 1, "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12,
        "KiB": 1_024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776,
    ]
    /// Spellings that people mean differently (bits vs bytes, kilo vs kibi, minutes vs months).
    static let ambiguousBytes: [String: String] = [
        "K": "KB (1,000 B) or KiB (1,024 B)", "k": "KB (1,000 B) or KiB (1,024 B)",
        "kb": "KB (kilobytes) — lower-case b means bits", "Kb": "KB (kilobytes) — lower-case b means bits",
        "M": "MB or MiB", "Mb": "MB (megabytes) — lower-case b means bits", "mb": "MB — lower-case b means bits",
        "G": "GB or GiB", "Gb": "GB (gigabytes) — lower-case b means bits", "gb": "GB — lower-case b means bits",
        "kB": "KB (1,000 B) or KiB (1,024 B)",
    ]
    /// Unit spellings refused as ambiguous, with the fix to suggest for a value `v`.
    static let ambiguousDurations: [String: @Sendable (String) -> String] = [
        "M": { "write \($0)min (minutes); M could mean months" },
        "mo": { _ in "write a duration in days, e.g. 30d" },
        "": { "write a unit, e.g. \($0)s (seconds) or \($0)min (minutes)" },
    ]

    static func split(_ text: String) -> (Double, String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let end = trimmed.firstIndex(where: { !("0123456789.".contains($0)) }) ?? trimmed.endIndex
        let number = String(trimmed[..<end])
        let unit = String(trimmed[end...]).trimmingCharacters(in: .whitespaces)
        guard !number.isEmpty, let value = Double(number) else { return nil }
        return (value, unit)
    }

    static func duration(_ text: String) -> Result<Seconds, UnitError> {
        guard let (value, unit) = split(text) else {
            return .failure(
                UnitError(message: "'\(text)' is not a duration", fix: "write a number and a unit, e.g. 5s, 30m, 1h"))
        }
        if let fix = ambiguousDurations[unit] {
            return .failure(UnitError(message: "'\(text)' has no unambiguous unit", fix: fix(fmt(value))))
        }
        guard let factor = durationUnits[unit] else {
            return .failure(
                UnitError(message: "'\(unit)' is not a duration unit", fix: "use one of ms, s, min (or m), h, d"))
        }
        return .success(Seconds(value * factor))
    }

    static func bytes(_ text: String) -> Result<Bytes, UnitError> {
        guard let (value, unit) = split(text) else {
            return .failure(
                UnitError(message: "'\(text)' is not a size", fix: "write a number and a unit, e.g. 1KB, 2GiB"))
        }
        if unit.isEmpty {
            return .failure(
                UnitError(
                    message: "'\(text)' has no unit", fix: "write \(fmt(value))B, \(fmt(value))KB or \(fmt(value))KiB"))
        }
        if let meaning = ambiguousBytes[unit] {
            return .failure(UnitError(message: "'\(text)' is ambiguous", fix: "write \(meaning)"))
        }
        guard let factor = byteUnits[unit] else {
            return .failure(
                UnitError(message: "'\(unit)' is not a size unit", fix: "use one of B, KB, MB, GB, KiB, MiB, GiB"))
        }
        return .success(Bytes(value * factor))
    }

    private static func fmt(_ v: Double) -> String {
        v == v.rounded() ? String(Int(v)) : String(v)
    }
}
