import Foundation

/// Every O(N) command with the rate at which it saturates one engine core (Docs/Model.md §3, §7).
enum LinearCommandsRule: FindingRule {
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        facts.parts.redis.linearCommands.map { f in
            let severe = f.requestedRate > f.saturationRate
            return Finding(
                id: "linear-command-\(f.api)-\(f.command)", severity: severe ? .error : .warning,
                title: "\(f.command) in \(f.api) is O(N)",
                message:
                    "At N = \(Format.number(f.n)) one call costs \(Format.number(f.microsPerCall, maxDecimals: 0)) µs: one engine core saturates at \(Format.number(f.saturationRate, maxDecimals: 1)) calls/s; the plan issues \(Format.rate(f.requestedRate)) → \(Format.number(f.coresNeeded, maxDecimals: 1)) cores.",
                claim: nil)
        }
    }

    /// A cap that pushes the rate below the seat-drain floor, or a fixed rate beyond the backend cap.
}
