import Foundation

/// The admission rate (Docs/Model.md §2): four criteria, then the rate they allow.
///
///     seat drain       = seats ÷ window                                                  (floor)
///     user experience  = users ÷ target_wait                                             (target)
///     backend cap      = backend capacity × max utilization ÷ backend calls per admission (cap)
///     budget cap       = write budget ÷ (window × WRU per write × attempts × WRU price)     (cap)
///     rate             = min(max(user experience, seat drain), backend cap, budget cap)   (derive mode)
///     utilization      = rate × backend calls per admission ÷ backend capacity
///     longest wait     = users ÷ rate
enum AdmissionModel {
    /// The four criteria's rates in admissions per second; `budgetCap` is nil without a write budget or its price.
    struct CriterionRates {
        var seatDrain: Double
        var userExperience: Double
        var backendCap: Double
        var budgetCap: Double?
    }

    static func decide(_ input: EstimateInput, wruPerWrite: Double, wruPrice: PriceQuote?, _ ledger: inout Ledger)
        -> AdmissionDecision
    {
        let plan = input.plan
        let a = plan.admission
        let users = Double(plan.event.users)
        let rates = CriterionRates(
            seatDrain: Double(plan.event.seats) / plan.event.window.value,
            userExperience: users / plan.event.targetWait.value,
            backendCap: a.backendCapacity * a.maxBackendUtilization / a.backendCallsPerAdmission,
            budgetCap: budgetCap(plan, wruPerWrite: wruPerWrite, wruPrice: wruPrice))
        let (rate, binding) = chosenRate(a.mode, rates)
        let utilization = rate * a.backendCallsPerAdmission / a.backendCapacity
        let wait = users / rate

        recordCriteria(rates, input, wruPerWrite: wruPerWrite, wruPrice: wruPrice, &ledger)
        recordOutcome(
            rate: rate, binding: binding, utilization: utilization, wait: wait, hasBudgetCap: rates.budgetCap != nil,
            input, &ledger)
        return AdmissionDecision(
            rate: rate, binding: binding,
            criteria: criteria(rates, binding: binding, utilization: utilization, plan: plan, wruPrice: wruPrice),
            backendUtilization: utilization, impliedWait: wait)
    }

    /// write budget ÷ (window × WRU per write × attempts × WRU price): the rate whose writes spend the budget in one
    /// window. Nil without a budget, without a price, or when a unit of rate costs nothing.
    static func budgetCap(_ plan: Plan, wruPerWrite: Double, wruPrice: PriceQuote?) -> Double? {
        guard let budget = plan.admission.writeBudget, let price = wruPrice else { return nil }
        let perAdmissionPerWindow = plan.event.window.value * wruPerWrite * plan.dynamodb.attemptsPerUser
        let costPerUnitRate = price.usd.amount * Decimal(exactly: perAdmissionPerWindow)
        guard costPerUnitRate > 0 else { return nil }
        return (budget.amount / costPerUnitRate).doubleValue
    }

    /// The plan's fixed rate, or the UX target raised to the seat-drain floor and lowered to each cap in turn; the
    /// binding criterion is the last one that moved the rate.
    static func chosenRate(_ mode: AdmissionMode, _ r: CriterionRates) -> (Double, AdmissionBinding) {
        if case .fixed(let fixed) = mode { return (fixed, .fixed) }
        var rate = r.userExperience
        var binding = AdmissionBinding.userExperience
        if r.seatDrain > rate { (rate, binding) = (r.seatDrain, .seatDrain) }
        if rate > r.backendCap { (rate, binding) = (r.backendCap, .backendCapacity) }
        if let cap = r.budgetCap, rate > cap { (rate, binding) = (cap, .cost) }
        return (rate, binding)
    }

    /// The four criteria as `AdmissionDecision` reports them, with the note each prints.
    static func criteria(
        _ r: CriterionRates, binding: AdmissionBinding, utilization: Double, plan: Plan, wruPrice: PriceQuote?
    ) -> [AdmissionDecision.Criterion] {
        let seatNote =
            r.seatDrain >= r.userExperience
            ? "seats ÷ window; at least the UX rate (\(Format.number(r.seatDrain / max(r.userExperience, 1e-12), maxDecimals: 2))×), so it sets the pace"
            : "seats ÷ window; \(Format.number(r.userExperience / max(r.seatDrain, 1e-12), maxDecimals: 1))× below the UX rate, too slow on its own"
        let budgetNote =
            plan.admission.writeBudget == nil
            ? "no write budget in the plan"
            : (wruPrice == nil ? "UNPRICED: no DynamoDB write price" : "DynamoDB write budget per event")
        return [
            AdmissionDecision.Criterion(
                name: .seatDrain, role: .floor, rate: r.seatDrain, binding: binding == .seatDrain, note: seatNote),
            AdmissionDecision.Criterion(
                name: .userExperience, role: .target, rate: r.userExperience, binding: binding == .userExperience,
                note: "users ÷ target wait"),
            AdmissionDecision.Criterion(
                name: .backendCapacity, role: .cap, rate: r.backendCap, binding: binding == .backendCapacity,
                note: "backend utilization at the chosen rate \(Format.percent(utilization))"),
            AdmissionDecision.Criterion(
                name: .cost, role: .cap, rate: r.budgetCap, binding: binding == .cost, note: budgetNote),
        ]
    }

    /// The four criteria's figures, in the order `explain` lists them.
    static func recordCriteria(
        _ r: CriterionRates, _ input: EstimateInput, wruPerWrite: Double, wruPrice: PriceQuote?, _ ledger: inout Ledger
    ) {
        let plan = input.plan
        let e = plan.event
        let a = plan.admission
        let users = Double(e.users)
        ledger.record(
            "admission.seat_drain", "Seat-drain rate (floor)", value: r.seatDrain, unit: "adm/s",
            display: Format.rate(r.seatDrain),
            formula: "seats ÷ window (Docs/Model.md §2 criterion 1)",
            arithmetic:
                "\(Format.number(Double(e.seats))) seats ÷ \(Format.seconds(e.window)) = \(Format.rate(r.seatDrain))",
            inputs: [
                FigureInput("seats", Format.number(Double(e.seats)), input.from("event.seats")),
                FigureInput("window", Format.seconds(e.window), input.from("event.window")),
            ])
        ledger.record(
            "admission.user_experience", "User-experience rate", value: r.userExperience, unit: "adm/s",
            display: Format.rate(r.userExperience),
            formula: "users ÷ target_wait (Docs/Model.md §2 criterion 2)",
            arithmetic:
                "\(Format.number(users)) users ÷ \(Format.seconds(e.targetWait)) = \(Format.rate(r.userExperience))",
            inputs: [
                FigureInput("users", Format.number(users), input.from("event.users")),
                FigureInput("target_wait", Format.seconds(e.targetWait), input.from("event.target_wait")),
            ])
        ledger.record(
            "admission.backend_cap", "Backend-capacity cap", value: r.backendCap, unit: "adm/s",
            display: Format.rate(r.backendCap),
            formula: "backend capacity × max utilization ÷ backend calls per admission (Docs/Model.md §2 criterion 3)",
            arithmetic:
                "\(Format.number(a.backendCapacity)) RPS × \(Format.percent(a.maxBackendUtilization)) ÷ \(Format.number(a.backendCallsPerAdmission)) = \(Format.rate(r.backendCap))",
            inputs: [
                FigureInput(
                    "backend_capacity", Format.number(a.backendCapacity), input.from("admission.backend_capacity")),
                FigureInput(
                    "max_backend_utilization", Format.percent(a.maxBackendUtilization),
                    input.from("admission.max_backend_utilization")),
                FigureInput(
                    "backend_calls_per_admission", Format.number(a.backendCallsPerAdmission),
                    input.from("admission.backend_calls_per_admission")),
            ])
        if let cap = r.budgetCap, let budget = a.writeBudget, let price = wruPrice {
            ledger.record(
                "admission.budget_cap", "Write-budget cap", value: cap, unit: "adm/s", display: Format.rate(cap),
                formula: "budget ÷ (window × WRU per write × attempts × WRU price) (Docs/Model.md §2 criterion 4)",
                arithmetic:
                    "\(Format.usd(budget)) ÷ (\(Format.seconds(e.window)) × \(Format.number(wruPerWrite)) WRU × \(Format.number(plan.dynamodb.attemptsPerUser)) × \(Format.unitPrice(price.usd))) = \(Format.rate(cap))",
                inputs: [
                    FigureInput("write_budget", Format.usd(budget), input.from("admission.write_budget")),
                    FigureInput("WRU price", Format.unitPrice(price.usd), price.citation),
                ])
        }
    }

    /// The chosen rate, the backend utilization it causes and the longest wait it implies.
    static func recordOutcome(
        rate: Double, binding: AdmissionBinding, utilization: Double, wait: Double, hasBudgetCap: Bool,
        _ input: EstimateInput, _ ledger: inout Ledger
    ) {
        let a = input.plan.admission
        let users = Double(input.plan.event.users)
        ledger.record(
            "admission.rate", "Admission rate", value: rate, unit: "adm/s", display: Format.rate(rate),
            formula: binding == .fixed
                ? "fixed in the plan"
                : "max(UX rate, seat-drain floor), capped by backend and budget (Docs/Model.md §2)",
            arithmetic: "binding: \(binding) → \(Format.rate(rate))",
            inputs: [
                ledger.ref("admission.user_experience", "UX rate"),
                ledger.ref("admission.seat_drain", "seat-drain floor"),
                ledger.ref("admission.backend_cap", "backend cap"),
            ] + (hasBudgetCap ? [ledger.ref("admission.budget_cap", "budget cap")] : []))
        ledger.record(
            "admission.backend_utilization", "Backend utilization", value: utilization, unit: "fraction",
            display: Format.percent(utilization),
            formula: "admission rate × backend calls per admission ÷ backend capacity (Docs/Model.md §2 criterion 3)",
            arithmetic:
                "\(Format.rate(rate)) × \(Format.number(a.backendCallsPerAdmission)) ÷ \(Format.number(a.backendCapacity)) RPS = \(Format.percent(utilization))",
            inputs: [
                ledger.ref("admission.rate", "admission rate"),
                FigureInput(
                    "backend_capacity", Format.number(a.backendCapacity), input.from("admission.backend_capacity")),
            ])
        ledger.record(
            "admission.implied_wait", "Longest wait at this rate", value: wait, unit: "s",
            display: Format.number(wait, maxDecimals: 1) + " s",
            formula: "users ÷ admission rate (Docs/Model.md §2)",
            arithmetic:
                "\(Format.number(users)) users ÷ \(Format.rate(rate)) = \(Format.number(wait, maxDecimals: 1)) s",
            inputs: [ledger.ref("admission.rate", "admission rate")])
    }
}
