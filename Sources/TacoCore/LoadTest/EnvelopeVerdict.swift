public struct EnvelopeVerdict: Codable, Hashable, Sendable {
    public var verdict: ValidationOutcome
    public var operatingRPS: Double
    public var implementation: String
    /// The RPS range of the benchmark steps run with the plan's status implementation.
    public var measuredFrom: Double?
    public var measuredTo: Double?
    public var checks: [UtilizationCheck]
    /// One sentence per reason, most serious first.
    public var reasons: [String]

    /// Judges `operatingRPS` against the steps run with the same status implementation and the checks.
    public static func judge(
        operatingRPS rps: Double, implementation: StatusImplementation, steps: [BenchmarkStep],
        checks: [UtilizationCheck], otherHardware: String? = nil
    ) -> EnvelopeVerdict {
        let same = steps.filter { ($0.status ?? implementation) == implementation }.map(\.rps)
        let low = same.min()
        let high = same.max()
        var reasons: [String] = []
        for c in checks.sorted(by: { $0.predicted / $0.ceiling > $1.predicted / $1.ceiling }) where c.exceeds {
            reasons.append(
                "FAILS \(c.resource): predicted \(Format.percent(points: c.predicted)) at "
                    + "\(Format.grouped(rps)) RPS, ceiling \(Format.percent(points: c.ceiling)) (\(c.basis))")
        }
        let fails = !reasons.isEmpty
        var outside = false
        if let low, let high {
            if rps > high || rps < low {
                outside = true
                let factor = rps > high ? rps / high : low / rps
                let side = rps > high ? "beyond the highest" : "below the lowest"
                let gap = abs(rps - (rps > high ? high : low))
                reasons.append(
                    "EXTRAPOLATED: \(Format.grouped(rps)) RPS is \(Format.number(factor, maxDecimals: 2))× "
                        + "(\(Format.grouped(gap)) RPS) \(side) measured \(implementation.rawValue) step "
                        + "(\(Format.grouped(low))–\(Format.grouped(high)) RPS)")
                for c in checks {
                    guard let f = c.extrapolation(at: rps) else { continue }
                    let from = c.measuredFrom ?? 0
                    let to = c.measuredTo ?? 0
                    let range =
                        from == to
                        ? "only at \(Format.grouped(from)) RPS" : "at \(Format.grouped(from))–\(Format.grouped(to)) RPS"
                    reasons.append(
                        "  \(c.resource) was measured (\(implementation.rawValue) steps) \(range): its prediction is extrapolated "
                            + "\(Format.number(f >= 1 ? f : 1 / f, maxDecimals: 2))×")
                }
            }
        } else {
            outside = true
            reasons.append(
                "EXTRAPOLATED: the benchmark has no step with status implementation \(implementation.rawValue)")
        }
        if let otherHardware {
            outside = true
            reasons.append(otherHardware)
        }
        let verdict: ValidationOutcome = fails ? .fails : (outside ? .extrapolated : .validated)
        if verdict == .validated {
            reasons.append(
                "VALIDATED: \(Format.grouped(rps)) RPS lies within the measured \(Format.grouped(low ?? 0))–"
                    + "\(Format.grouped(high ?? 0)) RPS and every predicted utilization is under its ceiling")
        }
        return EnvelopeVerdict(
            verdict: verdict, operatingRPS: rps, implementation: implementation.rawValue, measuredFrom: low,
            measuredTo: high, checks: checks, reasons: reasons)
    }
}
