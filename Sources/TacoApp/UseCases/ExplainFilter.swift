import TacoCore
import TacoReport

/// `explain --only PREFIX`: which figures of an estimate the prefix selects. A prefix that selects none is invalid
/// input (exit 2) naming the prefixes the estimate knows and the nearest one, instead of an empty listing.
public enum ExplainFilter {
    /// Throws invalid input when `only` is given and selects no figure (`ExplainText.selected`).
    public static func check(_ estimate: Estimate, only: String?) throws(AppFailure) {
        guard let only, ExplainText.selected(estimate, only: only).isEmpty else { return }
        let ids = estimate.figures.map(\.id)
        let groups = knownPrefixes(ids)
        let nearest = Suggestion.closest(to: only, in: groups + ids)
        let guess = nearest.map { " (did you mean \($0)?)" } ?? ""
        throw AppFailure.input(
            Diagnostic(
                "--only \(only) matches no figure of this estimate\(guess)",
                fix: "give a figure id or a prefix of one: \(groups.joined(separator: ", ")) "
                    + "(`tacoplan explain PLAN` lists every id)"))
    }

    /// Each figure group once, in the estimate's order: the id up to and including its first dot ("redis.").
    static func knownPrefixes(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        var groups: [String] = []
        for id in ids {
            let group = id.firstIndex(of: ".").map { String(id[...$0]) } ?? id
            if seen.insert(group).inserted { groups.append(group) }
        }
        return groups
    }
}
