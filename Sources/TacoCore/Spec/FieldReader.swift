import Yams

/// Reads one YAML mapping field by field; unread keys are reported as unknown, with "did you mean".
final class FieldReader {
    let ctx: ReadContext
    let path: String
    let node: Node?
    private(set) var pairs: [(key: String, keyNode: Node, value: Node)] = []
    private var asked: [String] = []

    init(_ node: Node?, path: String, ctx: ReadContext) {
        self.ctx = ctx
        self.path = path
        self.node = node
        guard let node else { return }
        guard case .mapping(let mapping) = node else {
            ctx.problem(node, path, "expected a mapping of fields, found \(FieldReader.describe(node))")
            return
        }
        for (k, v) in mapping {
            guard let name = k.string else {
                ctx.problem(k, path, "keys must be plain names")
                continue
            }
            pairs.append((name, k, v))
        }
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The node under `key`, marking the key as known.
    func raw(_ key: String) -> Node? {
        asked.append(key)
        return pairs.first { $0.key == key }?.value
    }

    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    private func scalar(_ key: String, expected: String, defaultNote: String?) -> (String, Node)? {
        guard let node = raw(key) else {
            if let defaultNote { ctx.provenance.defaults[fieldPath(key)] = defaultNote }
            return nil
        }
        guard case .scalar(let s) = node else {
            ctx.problem(node, fieldPath(key), "expected \(expected), found \(FieldReader.describe(node))")
            return nil
        }
        if let bad = PrintableText.firstProblem(s.string, multiline: true) {
            ctx.problem(
                node, fieldPath(key), "holds the control character \(bad): plan text must be printable",
                fix: "remove the control character (escape sequences in a name would drive the terminal)")
            return nil
        }
        if let loc = ctx.location(node) { ctx.provenance.locations[fieldPath(key)] = loc }
        return (s.string, node)
    }

    func required<T>(_ key: String, _ what: String, example: String, _ read: (String, Node) -> T?) -> T? {
        let present = pairs.contains { $0.key == key }
        guard let (text, node) = scalar(key, expected: what, defaultNote: nil) else {
            if !present {
                let place = path.isEmpty ? "the top level" : "`\(path)`"
                ctx.problem(
                    self.node, fieldPath(key), "is required (\(what))", fix: "add `\(key): \(example)` under \(place)")
            }
            return nil
        }
        return read(text, node)
    }

    func optional<T>(_ key: String, _ what: String, default value: T, note: String, _ read: (String, Node) -> T?) -> T {
        guard let (text, node) = scalar(key, expected: what, defaultNote: note) else { return value }
        return read(text, node) ?? value
    }

    // MARK: typed readers

    func positiveInt(_ text: String, _ node: Node, _ key: String, min: Int = 1, max: Int = 1_000_000_000) -> Int? {
        let clean = text.replacingOccurrences(of: "_", with: "")
        guard let v = Int(clean) else {
            ctx.problem(
                node, fieldPath(key), "expected a whole number, found '\(text)'", fix: "write e.g. `\(key): \(min)`")
            return nil
        }
        guard v >= min else {
            ctx.problem(node, fieldPath(key), "must be at least \(min), found \(v)", fix: "use a value ≥ \(min)")
            return nil
        }
        guard v <= max else {
            ctx.problem(node, fieldPath(key), "\(v) is beyond the plausible limit of \(max)", fix: "check the value")
            return nil
        }
        return v
    }

    func number(_ text: String, _ node: Node, _ key: String, range: ClosedRange<Double>, exclusiveLow: Bool = false)
        -> Double?
    {
        let clean = text.replacingOccurrences(of: "_", with: "")
        guard let v = Double(clean), v.isFinite else {
            ctx.problem(node, fieldPath(key), "expected a number, found '\(text)'")
            return nil
        }
        if v < range.lowerBound || (exclusiveLow && v == range.lowerBound) || v > range.upperBound {
            let low =
                exclusiveLow ? "above \(Format.plain(range.lowerBound))" : "at least \(Format.plain(range.lowerBound))"
            ctx.problem(
                node, fieldPath(key), "must be \(low) and at most \(Format.plain(range.upperBound)), found \(text)",
                fix: "use a value in that range")
            return nil
        }
        return v
    }

    func duration(_ text: String, _ node: Node, _ key: String, max: Double = 31 * TimeUnits.secondsPerDay) -> Seconds? {
        switch Seconds.parse(text) {
        case .failure(let e):
            ctx.problem(node, fieldPath(key), e.message, fix: e.fix)
            return nil
        case .success(let s):
            guard s.value > 0 else {
                ctx.problem(node, fieldPath(key), "must be longer than zero, found '\(text)'", fix: "e.g. `\(key): 5s`")
                return nil
            }
            guard s.value <= max else {
                ctx.problem(node, fieldPath(key), "'\(text)' is implausibly long", fix: "check the unit")
                return nil
            }
            return s
        }
    }

    func bytes(_ text: String, _ node: Node, _ key: String) -> Bytes? {
        switch Bytes.parse(text) {
        case .failure(let e):
            ctx.problem(node, fieldPath(key), e.message, fix: e.fix)
            return nil
        case .success(let b):
            guard b.value > 0 else {
                ctx.problem(node, fieldPath(key), "must be larger than zero", fix: "e.g. `\(key): 1KB`")
                return nil
            }
            guard b.value <= 1e15 else {
                ctx.problem(node, fieldPath(key), "'\(text)' is implausibly large", fix: "check the unit")
                return nil
            }
            return b
        }
    }

    func bool(_ text: String, _ node: Node, _ key: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            ctx.problem(node, fieldPath(key), "expected true or false, found '\(text)'")
            return nil
        }
    }

    func choice<E: RawRepresentable & CaseIterable>(_ text: String, _ node: Node, _ key: String, _: E.Type) -> E?
    where E.RawValue == String {
        if let v = E(rawValue: text) { return v }
        let names = E.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'? " } ?? ""
        ctx.problem(
            node, fieldPath(key), "'\(text)' is not one of \(names.joined(separator: ", "))",
            fix: "\(hint)use one of \(names.joined(separator: ", "))")
        return nil
    }

    /// Reports every key in this mapping that no reader asked for.
    func finish() {
        let known = Array(Set(asked)).sorted()
        for pair in pairs where !asked.contains(pair.key) {
            let hint = Suggestion.closest(to: pair.key, in: known).map { "did you mean '\($0)'?" }
            ctx.problem(
                pair.keyNode, fieldPath(Excerpt.quoted(pair.key)), "unknown field '\(Excerpt.quoted(pair.key))'",
                fix: (hint.map { $0 + " " } ?? "") + "known fields here: \(known.joined(separator: ", "))")
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return "'\(Excerpt.quoted(s.string))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
