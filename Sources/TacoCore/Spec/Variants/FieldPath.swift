import Yams

/// A dotted field path with list indices: `apis.status.commands[1].command`.
enum FieldPath {
    enum Segment: Hashable {
        case key(String)
        case index(Int)
    }

    struct Failure: Error {
        var message: String
        var fix: String?
    }

    static func parse(_ text: String) -> [Segment]? {
        var out: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let open = rest.firstIndex(of: "[") ?? rest.endIndex
            let name = rest[rest.startIndex..<open]
            guard !name.isEmpty, !name.contains("]") else { return nil }
            out.append(.key(String(name)))
            rest = rest[open...]
            while !rest.isEmpty {
                guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
                guard let i = Int(rest[rest.index(after: rest.startIndex)..<close]), i >= 0 else { return nil }
                out.append(.index(i))
                rest = rest[rest.index(after: close)...]
            }
        }
        return out.isEmpty ? nil : out
    }

    static func describe(_ segments: [Segment]) -> String {
        var s = ""
        for seg in segments {
            switch seg {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// `tree` with the value at `segments` replaced (or added: a missing last field is added and left for the
    /// decoder to validate, with its "did you mean").
    static func set(_ segments: [Segment], value: Node, keyMark: Mark?, in tree: Node, at done: String)
        -> Result<Node, Failure>
    {
        guard let first = segments.first else { return .success(PlanVariants.merge(value, over: tree)) }
        let rest = Array(segments.dropFirst())
        let here = describe([first])
        let path = done.isEmpty ? here : (here.hasPrefix("[") ? done + here : "\(done).\(here)")
        switch first {
        case .key(let key):
            guard case .mapping(let m) = tree else {
                let what = done.isEmpty ? "the plan" : "'\(done)'"
                return .failure(
                    Failure(message: "\(what) is \(FieldReader.describe(tree)), not a mapping with field '\(key)'"))
            }
            var pairs: [(Node, Node)] = m.map { ($0.key, $0.value) }
            if let i = pairs.firstIndex(where: { $0.0.string == key }) {
                switch set(rest, value: value, keyMark: keyMark, in: pairs[i].1, at: path) {
                case .failure(let f): return .failure(f)
                case .success(let v): pairs[i] = (pairs[i].0, v)
                }
            } else {
                let names = pairs.compactMap { $0.0.string }
                if !rest.isEmpty, let near = Suggestion.closest(to: key, in: names) {
                    return .failure(
                        Failure(
                            message: "unknown field '\(key)'" + (done.isEmpty ? "" : " under '\(done)'"),
                            fix: "did you mean '\(near)'? fields here: \(names.joined(separator: ", "))"))
                }
                let empty = Node.mapping(Node.Mapping([], .implicit, .any, keyMark))
                switch set(rest, value: value, keyMark: keyMark, in: empty, at: path) {
                case .failure(let f): return .failure(f)
                case .success(let v): pairs.append((Node.scalar(Node.Scalar(key, .implicit, .any, keyMark)), v))
                }
            }
            return .success(.mapping(Node.Mapping(pairs, m.tag, m.style, m.mark)))
        case .index(let i):
            guard case .sequence(let seq) = tree else {
                return .failure(Failure(message: "'\(done)' is \(FieldReader.describe(tree)), not a list"))
            }
            var nodes = Array(seq)
            guard i < nodes.count else {
                return .failure(
                    Failure(
                        message:
                            "index \(i) is out of range: '\(done)' has \(nodes.count) entr\(nodes.count == 1 ? "y" : "ies")",
                        fix: nodes.isEmpty ? nil : "use an index from 0 to \(nodes.count - 1)"))
            }
            switch set(rest, value: value, keyMark: keyMark, in: nodes[i], at: path) {
            case .failure(let f): return .failure(f)
            case .success(let v): nodes[i] = v
            }
            return .success(.sequence(Node.Sequence(nodes, seq.tag, seq.style, seq.mark)))
        }
    }
}
