enum PricingReader {
    static func read(_ r: FieldReader) -> PricingSpec? {
        let asOf: Day? = r.optional("as_of", "a date", default: nil, note: "today, or the as-of day the run gives") {
            t, n in
            guard let d = Day(iso: t) else {
                r.ctx.problem(n, r.fieldPath("as_of"), "'\(t)' is not a date", fix: "write YYYY-MM-DD, e.g. 2026-11-01")
                return nil
            }
            return d
        }
        r.finish()
        return PricingSpec(asOf: asOf)
    }
}
