/// Bytes a command moves between gateway and Redis (request + reply), used for the per-node network check
/// (Docs/Model.md §3 "Network"). Estimates from the reference benchmark's key shapes: 41-byte member ids, 200-byte
/// per-user values, RESP framing; KEYS replies one ~49-byte bulk string per matching key.
enum CommandBytes {
    static let request: [String: Double] = [
        "ZRANK": 80, "ZRANK_P16": 80, "ZCARD": 20, "GET": 60, "GET_P16": 60, "ZADD_NX": 100,
        "EVALSHA_ratelimit": 110, "EVALSHA_admit10": 120, "SCAN_1call": 40, "KEYS_queue": 30, "KEYS_nomatch": 30,
    ]

    static func reply(_ command: String, keyspace n: Double) -> Double {
        switch command {
        case "ZRANK", "ZRANK_P16", "ZCARD": return 8
        case "GET", "GET_P16": return 210
        case "ZADD_NX", "EVALSHA_ratelimit", "KEYS_nomatch": return 4
        case "EVALSHA_admit10": return 480
        case "SCAN_1call": return 1000 * 49
        case "KEYS_queue": return n * 49
        default: return 64
        }
    }

    static func perCall(_ command: String, keyspace n: Double) -> Double {
        (request[command] ?? 64) + reply(command, keyspace: n)
    }
}
