import Yams

/// `extends:` and `variants:` at the YAML node level (Docs/PlanSpec.md "Variants").
///
/// - `extends: other.yaml` merges this file over another plan file: mappings merge key by key, recursively;
///   a scalar or a list in this file replaces the other file's value wholesale. Chains are allowed; a cycle is
///   an error.
/// - `variants:` maps a variant name to overrides by field path. A path is field names joined by `.`, with
///   `[i]` (0-based) to pick a list entry: `gateway.spot_share: 0%`, `redis.engine: valkey`,
///   `apis.status.commands[1].command: KEYS_queue`. The value may be a scalar, a list or a mapping (a mapping
///   merges like `extends`). The one reserved key `about:` describes the variant.
///
/// Overrides are merged into the node tree before `PlanDecoder.decode(node:file:)`, so a variant is validated
/// exactly like a plan: an unknown field is reported with "did you mean".
public enum PlanVariants {
    /// Reads the `extends` target named `target` in file `from`.
    public typealias Loader = (_ target: String, _ from: String) -> Result<PlanSource, PlanErrors>

    public static func resolve(_ source: PlanSource, load: Loader) -> Result<PlanFamily, PlanErrors> {
        let merged: (node: Node, chain: [String])
        switch compose(source, load: load, seen: []) {
        case .failure(let e): return .failure(e)
        case .success(let m): merged = m
        }
        let baseNode = removing(["variants"], from: merged.node)
        let base: (Plan, PlanProvenance)
        switch PlanDecoder.decode(node: baseNode, file: source.file) {
        case .failure(let e): return .failure(e)
        case .success(let b): base = b
        }
        var variants: [PlanVariant] = []
        var problems: [PlanProblem] = []
        for (name, nameNode, body) in variantEntries(merged.node, file: source.file, problems: &problems) {
            if name == PlanFamily.baseName {
                problems.append(
                    problem(
                        source.file, nameNode, "variants.\(name)", "'\(name)' names the plan itself in comparisons",
                        fix: "rename the variant"))
                continue
            }
            switch variant(name, body, base: baseNode, file: source.file) {
            case .failure(let e): problems += e.problems
            case .success(let v): variants.append(v)
            }
        }
        if !problems.isEmpty { return .failure(PlanErrors(problems)) }
        return .success(
            PlanFamily(
                file: source.file, chain: merged.chain, base: base.0, baseProvenance: base.1, variants: variants))
    }

    /// The plan's node tree with every `extends` merged in (and `extends` removed), and the chain of files.
    public static func compose(_ source: PlanSource, load: Loader, seen: [String]) -> Result<
        (node: Node, chain: [String]), PlanErrors
    > {
        let node: Node
        switch PlanText.compose(source.text, file: source.file) {
        case .failure(let e): return .failure(e)
        case .success(let n): node = n
        }
        let chain = seen + [source.file]
        guard case .mapping(let mapping) = node, let target = mapping["extends"] else {
            return .success((node, chain))
        }
        guard case .scalar(let s) = target, !s.string.isEmpty else {
            return .failure(
                PlanErrors([
                    problem(
                        source.file, target, "extends", "expected the path of another plan file",
                        fix: "write `extends: traffic-tacos.yaml` (relative to this file)")
                ]))
        }
        let parent: PlanSource
        switch load(s.string, source.file) {
        case .failure(let e): return .failure(e)
        case .success(let p): parent = p
        }
        if chain.contains(parent.file) {
            let loop = (chain + [parent.file]).joined(separator: " → ")
            return .failure(
                PlanErrors([
                    problem(
                        source.file, target, "extends", "extends cycle: \(loop)",
                        fix: "remove one `extends:` so the chain ends in a plan that extends nothing")
                ]))
        }
        switch compose(parent, load: load, seen: chain) {
        case .failure(let e): return .failure(e)
        case .success(let p): return .success((merge(removing(["extends"], from: node), over: p.node), p.chain))
        }
    }

    /// `top` merged over `base`: mappings key by key (recursively), anything else replaced by `top`.
    public static func merge(_ top: Node, over base: Node) -> Node {
        guard case .mapping(let t) = top, case .mapping(let b) = base else { return top }
        var pairs: [(Node, Node)] = b.map { ($0.key, $0.value) }
        for (k, v) in t {
            if let i = pairs.firstIndex(where: { $0.0.string == k.string }) {
                pairs[i] = (pairs[i].0, merge(v, over: pairs[i].1))
            } else {
                pairs.append((k, v))
            }
        }
        return .mapping(Node.Mapping(pairs, b.tag, b.style, b.mark))
    }

    static func removing(_ keys: Set<String>, from node: Node) -> Node {
        guard case .mapping(let m) = node else { return node }
        let pairs = m.filter { !keys.contains($0.key.string ?? "") }.map { ($0.key, $0.value) }
        return .mapping(Node.Mapping(pairs, m.tag, m.style, m.mark))
    }

    static func variantEntries(_ root: Node, file: String, problems: inout [PlanProblem]) -> [(String, Node, Node)] {
        guard case .mapping(let m) = root, let variants = m["variants"] else { return [] }
        guard case .mapping(let vm) = variants else {
            problems.append(
                problem(
                    file, variants, "variants", "expected a mapping from variant name to overrides",
                    fix: "write `variants:` then `  spot-off: { gateway.spot_share: 0% }`"))
            return []
        }
        guard vm.count <= InputLimits.variantsPerPlan else {
            problems.append(
                problem(
                    file, variants, "variants",
                    "\(Format.grouped(Double(vm.count))) variants, over the limit of "
                        + "\(Format.grouped(Double(InputLimits.variantsPerPlan))) per plan (InputLimits.variantsPerPlan)",
                    fix: "split the variants over several plan files that extend this one"))
            return []
        }
        var out: [(String, Node, Node)] = []
        for (k, v) in vm {
            guard let name = k.string, !name.isEmpty, PrintableText.firstProblem(name) == nil else {
                problems.append(
                    problem(
                        file, k, "variants",
                        "a variant name must be a plain name of printable characters"
                            + (k.string.flatMap { PrintableText.firstProblem($0) }.map { " (it holds \($0))" } ?? "")))
                continue
            }
            out.append((name, k, v))
        }
        return out
    }

    static func variant(_ name: String, _ body: Node, base: Node, file: String) -> Result<PlanVariant, PlanErrors> {
        let here = "variants.\(name)"
        guard case .mapping(let overrides) = body else {
            return .failure(
                PlanErrors([
                    problem(
                        file, body, here, "expected a mapping of field paths to values",
                        fix: "e.g. `\(name): { redis.engine: valkey }`")
                ]))
        }
        var tree = base
        var about: String?
        var paths: [String] = []
        var problems: [PlanProblem] = []
        for (k, v) in overrides {
            guard let path = k.string else { continue }
            if path == "about" {
                guard case .scalar(let text) = v, PrintableText.firstProblem(text.string, multiline: true) == nil else {
                    problems.append(
                        problem(
                            file, v, "\(here).about",
                            "about: must be printable text describing the variant (no mapping, no control characters)",
                            fix: "e.g. `about: Spot off, all on-demand`"))
                    continue
                }
                about = text.string
                continue
            }
            if let first = path.split(separator: ".").first?.split(separator: "[").first,
                ["extends", "variants", "about"].contains(String(first))
            {
                problems.append(
                    problem(
                        file, k, here,
                        "a variant cannot set '\(Excerpt.quoted(path))': extends and variants are read once for the "
                            + "whole plan, and about is the variant's own description",
                        fix: "set plan fields only (e.g. gateway.spot_share), or put extends/variants at the top level")
                )
                continue
            }
            guard let segments = FieldPath.parse(path) else {
                problems.append(
                    problem(
                        file, k, here, "'\(path)' is not a field path",
                        fix:
                            "join field names with `.` and pick list entries with [i], e.g. apis.status.commands[1].command"
                    ))
                continue
            }
            switch FieldPath.set(segments, value: v, keyMark: k.mark, in: tree, at: "") {
            case .failure(let failure):
                problems.append(problem(file, k, "\(here).\(path)", failure.message, fix: failure.fix))
            case .success(let t):
                tree = t
                paths.append(path)
            }
        }
        if !problems.isEmpty { return .failure(PlanErrors(problems)) }
        switch PlanDecoder.decode(node: tree, file: file) {
        case .failure(let e):
            return .failure(
                PlanErrors(
                    e.problems.map {
                        var p = $0
                        p.message = "variant '\(name)': " + p.message
                        return p
                    }))
        case .success(let (plan, provenance)):
            return .success(
                PlanVariant(name: name, about: about, overrides: paths, plan: plan, provenance: provenance))
        }
    }

    static func problem(_ file: String, _ node: Node?, _ path: String, _ message: String, fix: String? = nil)
        -> PlanProblem
    {
        let loc = node?.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
        return PlanProblem(file: file, location: loc, path: path, message: message, fix: fix)
    }
}
