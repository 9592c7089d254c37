import Foundation

/// What a scale sweep varies: the crowd, or the status-poll load it causes.
public enum SweepAxis: String, Codable, Hashable, Sendable {
    /// `event.users`.
    case users
    /// Status requests/s = users ÷ `clients.status_poll` (Docs/Model.md §1); each point sets users = ⌈rps × poll⌉.
    case statusRPS = "status-rps"
    /// Gateway requests/s (Σ of every API's rate, Docs/Model.md §1): each point sets the users whose peak
    /// gateway rate is the value (`ScaleSweep.users(forGatewayRPS:)`).
    case gatewayRPS = "rps"

    public var label: String {
        switch self {
        case .users: "users"
        case .statusRPS: "status requests/s"
        case .gatewayRPS: "gateway requests/s"
        }
    }
}

/// `FROM..TO` with `--steps N`: N evenly spaced points, both ends included.
public struct SweepRange: Codable, Hashable, Sendable {
    /// At most this many points: each is one estimate (plus up to 2 × `ScaleSweep.maxRemedySteps` when the hot
    /// key makes it infeasible) and each break adds up to `ScaleSweep.maxBisectionSteps` points. The worst case
    /// measured, 200 points from 100k to 100M users on the seed (nearly all infeasible), took 18 s of CPU in a
    /// debug build; 12 points take under a second. A finer view is a narrower range.
    public static let maxSteps = 200
    /// The largest value a range may reach: 100 M users (or status requests/s), about 30× the seed's 3 M
    /// stretch goal; Redis and gateway sizing past it is far outside the reference benchmark.
    public static let maxValue = 100_000_000.0
    /// The longest range text accepted (`100k..3M` is 8 characters).
    public static let maxTextLength = 64

    public var axis: SweepAxis
    public var from: Double
    public var to: Double
    public var steps: Int

    /// The point values: from + (to − from) × i ÷ (steps − 1), i = 0 … steps − 1.
    public var values: [Double] {
        (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }

    /// Parses `100k..3M` (suffixes k = 10³, M = 10⁶, decimals allowed: `1.5M`), with what is wrong as a value.
    public static func parse(_ text: String, axis: SweepAxis, steps: Int) -> Result<SweepRange, SweepRangeError> {
        func refuse(_ problem: SweepRangeError.Problem) -> Result<SweepRange, SweepRangeError> {
            .failure(SweepRangeError(axis: axis, problem: problem))
        }
        guard text.count <= maxTextLength else { return refuse(.tooLong) }
        let parts = text.components(separatedBy: "..")
        guard parts.count == 2 else { return refuse(.notARange(text)) }
        guard let from = quantity(parts[0]), let to = quantity(parts[1]) else {
            return refuse(.notANumber(quantity(parts[0]) == nil ? parts[0] : parts[1]))
        }
        guard from >= 1, to > from else { return refuse(.bounds(text)) }
        guard to <= maxValue else { return refuse(.beyondLimit(text)) }
        guard (2...maxSteps).contains(steps) else { return refuse(.steps(steps)) }
        return .success(SweepRange(axis: axis, from: from, to: to, steps: steps))
    }

    /// `3M` → 3,000,000; `100k` → 100,000; `2500` → 2,500. nil when not a finite non-negative number.
    public static func quantity(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        if t.hasSuffix("k") || t.hasSuffix("K") {
            scale = 1e3
            t.removeLast()
        } else if t.hasSuffix("M") || t.hasSuffix("m") {
            scale = 1e6
            t.removeLast()
        }
        guard t.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil, let v = Double(t) else {
            return nil
        }
        let out = v * scale
        return out.isFinite ? out : nil
    }
}

/// Why a sweep range cannot be used, as a value: the axis it was given for and what is wrong. TacoApp words it
/// with the option's spelling (`SweepRangeError.diagnostic` there); TacoCore names no flag.
public struct SweepRangeError: Error, Hashable, Sendable {
    public enum Problem: Hashable, Sendable {
        /// Longer than `SweepRange.maxTextLength`.
        case tooLong
        /// No `FROM..TO` in the text.
        case notARange(String)
        /// This end is not a number with an optional k or M suffix.
        case notANumber(String)
        /// FROM is below 1 or not below TO.
        case bounds(String)
        /// TO is above `SweepRange.maxValue`.
        case beyondLimit(String)
        /// The number of points is outside 2…`SweepRange.maxSteps`.
        case steps(Int)
    }

    public var axis: SweepAxis
    public var problem: Problem
}
