import Foundation

/// How a command's execution time grows with N (Docs/Model.md §3).
public enum Complexity: String, Codable, Hashable, Sendable {
    /// O(1): GET, ZCARD, the rate-limit script.
    case constant = "O(1)"
    /// O(log N) in the queue ZSET size: ZRANK, ZADD, the admission script's ZRANGE/ZREM.
    case logarithmic = "O(log N)"
    /// O(N) over the keyspace: KEYS, a full SCAN.
    case linear = "O(N)"

    func scale(_ n: Double) -> Double {
        switch self {
        case .constant: return 1
        case .logarithmic: return log2(max(n, 2))
        case .linear: return max(n, 1)
        }
    }
}
