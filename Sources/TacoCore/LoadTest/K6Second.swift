/// One second of a k6 run, aggregated by `K6CSV`: requests/s and VUs.
public struct K6Second: Hashable, Sendable {
    public var second: Int
    public var requests: Double
    public var vus: Double?
}
