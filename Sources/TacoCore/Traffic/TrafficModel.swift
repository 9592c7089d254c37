enum TrafficModel {
    /// Crowd-driven rates that do not depend on the admission rate.
    static func crowd(_ input: EstimateInput, _ ledger: inout Ledger) -> (
        arrival: Double, status: Double, heartbeat: Double
    ) {
        let e = input.plan.event
        let users = Double(e.users)
        let arrival = users / e.ramp.value
        ledger.record(
            "traffic.join_rate", "Join requests/s (peak)", value: arrival, unit: "req/s", display: Format.rate(arrival),
            formula: "users ÷ ramp (Docs/Model.md §1)",
            arithmetic: "\(Format.number(users)) users ÷ \(Format.seconds(e.ramp)) = \(Format.rate(arrival))",
            inputs: [
                FigureInput("users", Format.number(users), input.from("event.users")),
                FigureInput("ramp", Format.seconds(e.ramp), input.from("event.ramp")),
            ])
        let poll = input.plan.clients.statusPoll
        let status = Traffic.perUser(users, every: poll)
        ledger.record(
            "traffic.status_rate", "Status requests/s", value: status, unit: "req/s", display: Format.rate(status),
            formula: "users ÷ status_poll (Docs/Model.md §1)",
            arithmetic: "\(Format.number(users)) users ÷ \(Format.seconds(poll)) = \(Format.rate(status))",
            inputs: [
                FigureInput("users", Format.number(users), input.from("event.users")),
                FigureInput("status_poll", Format.seconds(poll), input.from("clients.status_poll")),
            ])
        var heartbeat = 0.0
        if let hb = input.plan.clients.heartbeat {
            heartbeat = Traffic.perUser(users, every: hb)
            ledger.record(
                "traffic.heartbeat_rate", "Heartbeat requests/s", value: heartbeat, unit: "req/s",
                display: Format.rate(heartbeat), formula: "users ÷ heartbeat (Docs/Model.md §1)",
                arithmetic: "\(Format.number(users)) users ÷ \(Format.seconds(hb)) = \(Format.rate(heartbeat))",
                inputs: [
                    FigureInput("users", Format.number(users), input.from("event.users")),
                    FigureInput("heartbeat", Format.seconds(hb), input.from("clients.heartbeat")),
                ])
        }
        return (arrival, status, heartbeat)
    }

    /// All rates once the admission rate is known.
    static func full(
        _ input: EstimateInput, crowd: (arrival: Double, status: Double, heartbeat: Double), admission: Double,
        _ ledger: inout Ledger
    ) -> Traffic {
        let plan = input.plan
        let attempts = plan.dynamodb.attemptsPerUser
        var traffic = Traffic.at(
            plan, arrival: crowd.arrival, status: crowd.status, heartbeat: crowd.heartbeat, admission: admission)
        let reservation = traffic.reservationRate
        ledger.record(
            "traffic.reservation_rate", "Reservations/s", value: reservation, unit: "req/s",
            display: Format.rate(reservation),
            formula: "admission rate × attempts per admitted user (Docs/Model.md §1)",
            arithmetic: "\(Format.rate(admission)) × \(Format.number(attempts)) = \(Format.rate(reservation))",
            inputs: [
                ledger.ref("admission.rate", "admission rate"),
                FigureInput("attempts_per_user", Format.number(attempts), input.from("dynamodb.attempts_per_user")),
            ])
        ledger.record(
            "traffic.gateway_rate", "Gateway requests/s (peak)", value: traffic.gatewayRate, unit: "req/s",
            display: Format.rate(traffic.gatewayRate), formula: "Σ API rates (Docs/Model.md §1)",
            arithmetic: traffic.apis.map { "\($0.name) \(Format.rate($0.rate))" }.joined(separator: " + ") + " = "
                + Format.rate(traffic.gatewayRate),
            inputs: traffic.apis.map {
                FigureInput($0.name, Format.rate($0.rate), "apis.\($0.name).per = \($0.driver.rawValue)")
            })
        ledger.record(
            "traffic.response_bandwidth", "Response bandwidth", value: traffic.responseBandwidth, unit: "B/s",
            display: Format.megabytes(traffic.responseBandwidth) + "/s",
            formula: "Σ API rate × response bytes (Docs/Model.md §1)",
            arithmetic: traffic.apis.map { "\(Format.rate($0.rate)) × \(Format.number($0.responseBytes)) B" }.joined(
                separator: " + ")
                + " = \(Format.megabytes(traffic.responseBandwidth))/s",
            inputs: [
                FigureInput(
                    "response_bytes", Format.number(plan.clients.responseBytes.value) + " B",
                    input.from("clients.response_bytes"))
            ])
        let statusBytes = traffic.apis.filter { $0.driver == .poll }.reduce(0) { $0 + $1.rate * $1.responseBytes }
        ledger.record(
            "traffic.status_bandwidth", "Status response bandwidth", value: statusBytes, unit: "B/s",
            display: Format.megabytes(statusBytes) + "/s",
            formula: "status requests/s × response bytes (the seed's 60 MB/s)",
            arithmetic: traffic.apis.filter { $0.driver == .poll }.map {
                "\(Format.rate($0.rate)) × \(Format.number($0.responseBytes)) B"
            }
            .joined(separator: " + ") + " = \(Format.megabytes(statusBytes))/s",
            inputs: [
                ledger.ref("traffic.status_rate", "status requests/s"),
                FigureInput(
                    "response_bytes", Format.number(plan.clients.responseBytes.value) + " B",
                    input.from("clients.response_bytes")),
            ])
        let users = Double(plan.event.users)
        traffic.drainTime = users / admission
        ledger.record(
            "traffic.drain_time", "Queue drain time", value: traffic.drainTime, unit: "s",
            display: Format.number(traffic.drainTime, maxDecimals: 1) + " s",
            formula: "users ÷ admission rate (Docs/Model.md §1)",
            arithmetic:
                "\(Format.number(users)) users ÷ \(Format.rate(admission)) = \(Format.number(traffic.drainTime, maxDecimals: 1)) s",
            inputs: [
                FigureInput("users", Format.number(users), input.from("event.users")),
                ledger.ref("admission.rate", "admission rate"),
            ])
        return traffic
    }
}
