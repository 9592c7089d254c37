import Foundation

enum AdmissionModel {
    static func decide(_ input: EstimateInput, wruPerWrite: Double, wruPrice: PriceQuote?, _ ledger: inout Ledger)
        -> AdmissionDecision
    {
        let plan = input.plan
        let e = plan.event
        let a = plan.admission
        let users = Double(e.users)

        let seat = Double(e.seats) / e.window.value
        ledger.record(
            "admission.seat_drain", "Seat-drain rate (floor)", value: seat, unit: "adm/s", display: Show.rate(seat),
            formula: "seats ÷ window (Docs/Model.md §2 criterion 1)",
            arithmetic: "\(Show.n(Double(e.seats))) seats ÷ \(Show.secs(e.window)) = \(Show.rate(seat))",
            inputs: [
                FigureInput("seats", Show.n(Double(e.seats)), input.from("event.seats")),
                FigureInput("window", Show.secs(e.window), input.from("event.window")),
            ])
        let ux = users / e.targetWait.value
        ledger.record(
            "admission.user_experience", "User-experience rate", value: ux, unit: "adm/s", display: Show.rate(ux),
            formula: "users ÷ target_wait (Docs/Model.md §2 criterion 2)",
            arithmetic: "\(Show.n(users)) users ÷ \(Show.secs(e.targetWait)) = \(Show.rate(ux))",
            inputs: [
                FigureInput("users", Show.n(users), input.from("event.users")),
                FigureInput("target_wait", Show.secs(e.targetWait), input.from("event.target_wait")),
            ])
        let backendCap = a.backendCapacity * a.maxBackendUtilization / a.backendCallsPerAdmission
        ledger.record(
            "admission.backend_cap", "Backend-capacity cap", value: backendCap, unit: "adm/s",
            display: Show.rate(backendCap),
            formula: "backend capacity × max utilization ÷ backend calls per admission (Docs/Model.md §2 criterion 3)",
            arithmetic:
                "\(Show.n(a.backendCapacity)) RPS × \(Show.pct(a.maxBackendUtilization)) ÷ \(Show.n(a.backendCallsPerAdmission)) = \(Show.rate(backendCap))",
            inputs: [
                FigureInput("backend_capacity", Show.n(a.backendCapacity), input.from("admission.backend_capacity")),
                FigureInput(
                    "max_backend_utilization", Show.pct(a.maxBackendUtilization),
                    input.from("admission.max_backend_utilization")),
                FigureInput(
                    "backend_calls_per_admission", Show.n(a.backendCallsPerAdmission),
                    input.from("admission.backend_calls_per_admission")),
            ])
        var budgetCap: Double?
        if let budget = a.writeBudget, let price = wruPrice {
            let perAdmissionPerWindow = e.window.value * wruPerWrite * plan.dynamodb.attemptsPerUser
            let costPerUnitRate = price.usd.amount * Decimal(exactly: perAdmissionPerWindow)
            if costPerUnitRate > 0 {
                let cap = (budget.amount / costPerUnitRate).doubleValue
                budgetCap = cap
                ledger.record(
                    "admission.budget_cap", "Write-budget cap", value: cap, unit: "adm/s", display: Show.rate(cap),
                    formula: "budget ÷ (window × WRU per write × attempts × WRU price) (Docs/Model.md §2 criterion 4)",
                    arithmetic:
                        "\(Format.usd(budget)) ÷ (\(Show.secs(e.window)) × \(Show.n(wruPerWrite)) WRU × \(Show.n(plan.dynamodb.attemptsPerUser)) × \(Format.unitPrice(price.usd))) = \(Show.rate(cap))",
                    inputs: [
                        FigureInput("write_budget", Format.usd(budget), input.from("admission.write_budget")),
                        FigureInput("WRU price", Format.unitPrice(price.usd), price.citation),
                    ])
            }
        }

        var rate: Double
        var binding: AdmissionBinding
        switch a.mode {
        case .fixed(let r):
            rate = r
            binding = .fixed
        case .derive:
            rate = ux
            binding = .userExperience
            if seat > rate {
                rate = seat
                binding = .seatDrain
            }
            if rate > backendCap {
                rate = backendCap
                binding = .backendCapacity
            }
            if let cap = budgetCap, rate > cap {
                rate = cap
                binding = .cost
            }
        }
        let utilization = rate * a.backendCallsPerAdmission / a.backendCapacity
        let wait = users / rate
        ledger.record(
            "admission.rate", "Admission rate", value: rate, unit: "adm/s", display: Show.rate(rate),
            formula: binding == .fixed
                ? "fixed in the plan"
                : "max(UX rate, seat-drain floor), capped by backend and budget (Docs/Model.md §2)",
            arithmetic: "binding: \(binding) → \(Show.rate(rate))",
            inputs: [
                ledger.ref("admission.user_experience", "UX rate"),
                ledger.ref("admission.seat_drain", "seat-drain floor"),
                ledger.ref("admission.backend_cap", "backend cap"),
            ] + (budgetCap != nil ? [ledger.ref("admission.budget_cap", "budget cap")] : []))
        ledger.record(
            "admission.backend_utilization", "Backend utilization", value: utilization, unit: "fraction",
            display: Format.number(utilization * 100, maxDecimals: 0) + " %",
            formula: "admission rate × backend calls per admission ÷ backend capacity (Docs/Model.md §2 criterion 3)",
            arithmetic:
                "\(Show.rate(rate)) × \(Show.n(a.backendCallsPerAdmission)) ÷ \(Show.n(a.backendCapacity)) RPS = \(Show.pct(utilization))",
            inputs: [
                ledger.ref("admission.rate", "admission rate"),
                FigureInput("backend_capacity", Show.n(a.backendCapacity), input.from("admission.backend_capacity")),
            ])
        ledger.record(
            "admission.implied_wait", "Longest wait at this rate", value: wait, unit: "s",
            display: Show.n(wait, 1) + " s",
            formula: "users ÷ admission rate (Docs/Model.md §2)",
            arithmetic: "\(Show.n(users)) users ÷ \(Show.rate(rate)) = \(Show.n(wait, 1)) s",
            inputs: [ledger.ref("admission.rate", "admission rate")])

        let criteria = [
            AdmissionDecision.Criterion(
                name: .seatDrain, role: .floor, rate: seat, binding: binding == .seatDrain,
                note: seat >= ux
                    ? "seats ÷ window; at least the UX rate (\(Show.n(seat / max(ux, 1e-12), 2))×), so it sets the pace"
                    : "seats ÷ window; \(Show.n(ux / max(seat, 1e-12), 1))× below the UX rate, too slow on its own"),
            AdmissionDecision.Criterion(
                name: .userExperience, role: .target, rate: ux, binding: binding == .userExperience,
                note: "users ÷ target wait"),
            AdmissionDecision.Criterion(
                name: .backendCapacity, role: .cap, rate: backendCap, binding: binding == .backendCapacity,
                note: "backend utilization at the chosen rate \(Show.pct(utilization))"),
            AdmissionDecision.Criterion(
                name: .cost, role: .cap, rate: budgetCap, binding: binding == .cost,
                note: a.writeBudget == nil
                    ? "no write budget in the plan"
                    : (wruPrice == nil ? "UNPRICED: no DynamoDB write price" : "DynamoDB write budget per event")),
        ]
        return AdmissionDecision(
            rate: rate, binding: binding, criteria: criteria, backendUtilization: utilization, impliedWait: wait)
    }
}
