/// Request rates the crowd generates (Docs/Model.md §1).
public struct Traffic: Codable, Hashable, Sendable {
    public struct ApiRate: Codable, Hashable, Sendable {
        public var name: String
        public var driver: ApiDriver
        public var rate: Double
        public var responseBytes: Double
    }
    public var arrivalRate: Double
    public var statusRate: Double
    public var heartbeatRate: Double
    public var admissionRate: Double
    public var reservationRate: Double
    public var apis: [ApiRate]
    public var gatewayRate: Double
    /// Bytes/s of responses the gateway sends (Σ rate × response bytes).
    public var responseBandwidth: Double
    /// Seconds until the queue empties at the admission rate.
    public var drainTime: Double

    public func rate(of driver: ApiDriver) -> Double {
        switch driver {
        case .arrival: return arrivalRate
        case .poll: return statusRate
        case .heartbeat: return heartbeatRate
        case .admission: return admissionRate
        case .reservation: return reservationRate
        }
    }
}
