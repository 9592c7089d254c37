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

extension Traffic {
    /// The rates of every API from the crowd's rates and the admission rate: reservations = admissions × attempts,
    /// each API at its driver's rate, gateway = Σ API rates, bandwidth = Σ rate × response bytes (Docs/Model.md §1). The
    /// estimate uses it at the peak; `tacoplan simulate` at every step (Docs/Model.md §13).
    static func at(_ plan: Plan, arrival: Double, status: Double, heartbeat: Double, admission: Double) -> Traffic {
        var traffic = Traffic(
            arrivalRate: arrival, statusRate: status, heartbeatRate: heartbeat, admissionRate: admission,
            reservationRate: admission * plan.dynamodb.attemptsPerUser, apis: [], gatewayRate: 0,
            responseBandwidth: 0, drainTime: 0)
        traffic.apis = plan.apis.map { api in
            Traffic.ApiRate(
                name: api.name, driver: api.driver, rate: traffic.rate(of: api.driver),
                responseBytes: (api.responseBytes ?? plan.clients.responseBytes).value)
        }
        traffic.gatewayRate = traffic.apis.reduce(0) { $0 + $1.rate }
        traffic.responseBandwidth = traffic.apis.reduce(0) { $0 + $1.rate * $1.responseBytes }
        return traffic
    }

    /// Requests/s a crowd of `users` generates polling every `statusPoll` (or heart-beating): users ÷ interval
    /// (Docs/Model.md §1).
    static func perUser(_ users: Double, every interval: Seconds) -> Double { users / interval.value }
}
