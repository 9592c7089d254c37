import Foundation

/// One measured point of a ramp: load (concurrency, VUs, or offered requests/s) and throughput.
public struct LoadPoint: Hashable, Sendable {
    public var load: Double
    public var throughput: Double
    public init(load: Double, throughput: Double) {
        self.load = load
        self.throughput = throughput
    }
}
