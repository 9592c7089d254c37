/// Short display helpers for arithmetic lines.
enum Show {
    static func n(_ v: Double, _ d: Int = 2) -> String { Format.number(v, maxDecimals: d) }
    static func rate(_ v: Double) -> String { Format.number(v, maxDecimals: 2) + "/s" }
    static func secs(_ s: Seconds) -> String {
        s.value < 1
            ? Format.number(s.value * 1000, maxDecimals: 3) + " ms" : Format.number(s.value, maxDecimals: 2) + " s"
    }
    static func pct(_ f: Double) -> String { Format.number(f * 100, maxDecimals: 1) + " %" }
    static func mb(_ b: Double) -> String { Format.number(b / 1_000_000, maxDecimals: 2) + " MB" }
    static func gib(_ b: Double) -> String { Format.number(b / Bytes.gib, maxDecimals: 2) + " GiB" }
}
