import Yams

/// Reads `claims:` — a mapping from claim subject to its value, the source text and where it was written
/// (Docs/PlanSpec.md). An absent section is no claims.
enum ClaimsReader {
    /// At most this many claims: one per subject.
    static let maxClaims = ClaimSubject.allCases.count

    static func read(_ node: Node?, ctx: ReadContext) -> [Claim]? {
        guard let node else { return [] }
        let top = FieldReader(node, path: "claims", ctx: ctx)
        var out: [Claim] = []
        var failed = false
        let names = ClaimSubject.allCases.map(\.rawValue)
        for pair in top.pairs {
            let child = top.raw(pair.key)
            guard let subject = ClaimSubject(rawValue: pair.key) else {
                let hint = Suggestion.closest(to: pair.key, in: names).map { "did you mean '\($0)'? " } ?? ""
                ctx.problem(
                    child ?? node, "claims.\(pair.key)", "'\(pair.key)' is not a claim tacoplan can check",
                    fix: "\(hint)use one of \(names.joined(separator: ", "))")
                failed = true
                continue
            }
            let r = FieldReader(child, path: "claims.\(pair.key)", ctx: ctx)
            if let c = readClaim(subject, r) { out.append(c) } else { failed = true }
        }
        return failed ? nil : out
    }

    static func readClaim(_ subject: ClaimSubject, _ r: FieldReader) -> Claim? {
        let text = r.required("text", "the claim as its authors wrote it", example: "\"$2.25 per event\"") { t, _ in t }
        let source: String? = r.optional("source", "where it was written", default: nil, note: "no source") { t, _ in t
        }
        var amount: Money?
        var value: Double?
        let example: String
        switch subject.kind {
        case .cost, .saving: example = "$2.25"
        case .percentage: example = "20%"
        case .ratio: example = "100"
        case .capacity:
            example = subject == .redisMemory ? "2GB" : (subject == .gatewayScaleOut ? "30s" : "30000")
        }
        let ok: Bool? = r.required("value", "the claimed \(subject.kind.rawValue)", example: example) { t, n in
            switch subject.kind {
            case .cost, .saving:
                amount = r.money(t, n, "value")
                return amount != nil
            case .percentage:
                let clean = t.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "<", with: "")
                value = r.fraction(clean, n, "value").map { $0 * 100 }
                return value != nil
            case .ratio:
                let clean = t.lowercased().replacingOccurrences(of: "x", with: "").replacingOccurrences(
                    of: "×", with: "")
                value = r.number(clean, n, "value", range: 0...1e12, exclusiveLow: true)
                return value != nil
            case .capacity:
                if subject == .redisMemory {
                    value = r.bytes(t, n, "value")?.value
                } else if subject == .gatewayScaleOut {
                    value = r.duration(t, n, "value")?.value
                } else {
                    value = r.number(t, n, "value", range: 0...1e12, exclusiveLow: true)
                }
                return value != nil
            }
        }
        r.finish()
        guard let text, ok == true else { return nil }
        return Claim(subject: subject, amount: amount, value: value, text: text, source: source)
    }
}
