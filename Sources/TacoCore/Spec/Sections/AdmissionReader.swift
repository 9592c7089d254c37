enum AdmissionReader {
    static func read(_ r: FieldReader) -> AdmissionSpec? {
        let mode = r.optional("mode", "derive or fixed", default: "derive", note: "derive from the four criteria") {
            t, n -> String? in
            if t == "derive" || t == "fixed" { return t }
            r.ctx.problem(n, r.fieldPath("mode"), "'\(t)' is not an admission mode", fix: "use derive or fixed")
            return nil
        }
        let rate: Double? = r.optional("rate", "admissions per second", default: nil, note: "none (derived)") {
            r.number($0, $1, "rate", range: 0...10_000_000, exclusiveLow: true)
        }
        let capacity = r.required("backend_capacity", "requests/s the backend sustains", example: "3000") {
            r.number($0, $1, "backend_capacity", range: 0...100_000_000, exclusiveLow: true)
        }
        let calls = r.optional(
            "backend_calls_per_admission", "a number", default: 1.0, note: "one backend call per admission"
        ) {
            r.number($0, $1, "backend_calls_per_admission", range: 0...1000, exclusiveLow: true)
        }
        let maxUtil = r.optional(
            "max_backend_utilization", "a fraction", default: 0.7, note: "70 % (≥ 30 % headroom, seed)"
        ) {
            r.fraction($0, $1, "max_backend_utilization", allowZero: false)
        }
        let budget: Money? = r.optional("write_budget", "USD per event", default: nil, note: "no budget cap") { t, n in
            guard let m = r.money(t, n, "write_budget") else { return nil }
            guard m.amount > 0 else {
                r.ctx.problem(
                    n, r.fieldPath("write_budget"), "a budget of $0 admits nobody",
                    fix: "give a positive amount, or remove write_budget for no cap")
                return nil
            }
            return m
        }
        r.finish()
        guard let capacity else { return nil }
        let admissionMode: AdmissionMode
        if mode == "fixed" {
            guard let rate else {
                r.ctx.problem(
                    r.node, r.fieldPath("rate"), "mode fixed needs a rate", fix: "add `rate: 1000` under admission")
                return nil
            }
            admissionMode = .fixed(rate)
        } else {
            if rate != nil {
                r.ctx.problem(
                    r.keyNode("rate"), r.fieldPath("rate"), "a rate is given but mode is derive",
                    fix: "add `mode: fixed` to use the rate, or remove it")
            }
            admissionMode = .derive
        }
        return AdmissionSpec(
            mode: admissionMode, backendCapacity: capacity, backendCallsPerAdmission: calls,
            maxBackendUtilization: maxUtil, writeBudget: budget)
    }
}
