import Yams

/// Reads a plan's YAML tree into a `Plan`, collecting every problem at once (XcodeGen-style) and recording where
/// each value came from. Defaults are documented in Docs/PlanSpec.md.
public enum PlanDecoder {
    public static func decode(text: String, file: String) -> Result<(Plan, PlanProvenance), PlanErrors> {
        switch PlanText.compose(text, file: file) {
        case .failure(let e): return .failure(e)
        case .success(let node): return decode(node: node, file: file)
        }
    }

    public static func decode(node: Node, file: String) -> Result<(Plan, PlanProvenance), PlanErrors> {
        // A document that is not a mapping (`just a string`, a list) has no fields to read: say that first and alone
        // instead of burying it under one "is required" line per missing section.
        guard case .mapping = node else {
            let ctx = ReadContext(file: file)
            ctx.problem(
                node, "", "expected a mapping of fields, found \(FieldReader.describe(node))",
                fix: "a plan is a YAML mapping (`name:`, `event:`, `clients:`, …); start from plans/traffic-tacos.yaml")
            return .failure(PlanErrors(ctx.problems))
        }
        let ctx = ReadContext(file: file)
        let root = FieldReader(node, path: "", ctx: ctx)
        let plan = read(root, file: file)
        if let plan, ctx.problems.isEmpty { return .success((plan, ctx.provenance)) }
        return .failure(PlanErrors(inFileOrder: ctx.problems))
    }

    static func read(_ root: FieldReader, file: String) -> Plan? {
        let name = root.optional("name", "a name", default: file, note: "the file name") { t, n -> String? in
            // A name is one line: a line break in it would let a plan forge lines of the output.
            guard let bad = PrintableText.firstProblem(t) else { return t }
            root.ctx.problem(n, root.fieldPath("name"), "holds \(bad): a plan name is one line of printable text")
            return nil
        }
        _ = root.raw("extends")
        _ = root.raw("variants")
        let event = EventReader.read(FieldReader(section(root, "event"), path: "event", ctx: root.ctx))
        let clients = ClientReader.read(FieldReader(section(root, "clients"), path: "clients", ctx: root.ctx))
        let apis = ApiReader.read(root.raw("apis"), ctx: root.ctx)
        let admission = AdmissionReader.read(FieldReader(section(root, "admission"), path: "admission", ctx: root.ctx))
        let redis = RedisReader.read(FieldReader(section(root, "redis"), path: "redis", ctx: root.ctx))
        let gateway = GatewayReader.read(FieldReader(section(root, "gateway"), path: "gateway", ctx: root.ctx))
        let dynamo = DynamoReader.read(FieldReader(optionalSection(root, "dynamodb"), path: "dynamodb", ctx: root.ctx))
        let pricing = PricingReader.read(FieldReader(optionalSection(root, "pricing"), path: "pricing", ctx: root.ctx))
        let search = SearchReader.read(FieldReader(optionalSection(root, "search"), path: "search", ctx: root.ctx))
        let scaling = ScalingReader.read(FieldReader(optionalSection(root, "scaling"), path: "scaling", ctx: root.ctx))
        let claims = ClaimsReader.read(root.raw("claims"), ctx: root.ctx)
        let observability = ObservabilityReader.read(
            FieldReader(optionalSection(root, "observability"), path: "observability", ctx: root.ctx))
        let regions = RegionsReader.read(root.raw("regions"), event: event, ctx: root.ctx)
        root.finish()
        guard let event, let clients, let apis, let admission, let redis, let gateway, let dynamo, let pricing,
            let search, let scaling, let claims, let observability, let regions
        else {
            return nil
        }
        return Plan(
            name: name, event: event, clients: clients, apis: apis, admission: admission, redis: redis,
            gateway: gateway, dynamodb: dynamo, pricing: pricing, search: search, scaling: scaling, claims: claims,
            observability: observability, regions: regions)
    }

    /// A required section; an empty mapping stands in so its required fields are each reported.
    static func section(_ root: FieldReader, _ key: String) -> Node {
        if let n = root.raw(key) { return n }
        root.ctx.problem(
            root.node, key, "section '\(key)' is missing", fix: "add a `\(key):` section (see Docs/PlanSpec.md)")
        return Node.mapping(Node.Mapping([]))
    }

    static func optionalSection(_ root: FieldReader, _ key: String) -> Node {
        root.raw(key) ?? Node.mapping(Node.Mapping([]))
    }
}

extension FieldReader {
    /// `60%` or `0.6`; a bare number above 1 is refused as ambiguous.
    func fraction(_ text: String, _ node: Node, _ key: String, allowZero: Bool = true) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces)
        var scale = 1.0
        if t.hasSuffix("%") {
            t.removeLast()
            scale = 100
        }
        guard let v = Double(t.trimmingCharacters(in: .whitespaces)), v.isFinite else {
            ctx.problem(node, fieldPath(key), "expected a fraction such as 60% or 0.6, found '\(text)'")
            return nil
        }
        if scale == 1 && v > 1 {
            ctx.problem(
                node, fieldPath(key), "'\(text)' is more than 1",
                fix: "write a percentage as `\(Format.plain(v))%` or a fraction ≤ 1")
            return nil
        }
        let f = v / scale
        guard f >= 0, f <= 1, allowZero || f > 0 else {
            ctx.problem(
                node, fieldPath(key), "must be \(allowZero ? "between 0 %" : "above 0 %") and 100 %, found '\(text)'")
            return nil
        }
        return f
    }

    /// USD amount written as `2.25` or `$2.25`, read exactly.
    func money(_ text: String, _ node: Node, _ key: String) -> Money? {
        let t = text.hasPrefix("$") ? String(text.dropFirst()) : text
        guard let m = Money(string: t), m.amount >= 0 else {
            ctx.problem(node, fieldPath(key), "expected a USD amount such as 2.25, found '\(text)'")
            return nil
        }
        return m
    }

    /// A list of plain strings (node types).
    func stringList(_ key: String, required: Bool) -> [String]? {
        guard let node = raw(key) else {
            if required {
                ctx.problem(self.node, fieldPath(key), "is required (a list of names)", fix: "add `\(key): [name, …]`")
            }
            return required ? nil : []
        }
        if let loc = ctx.location(node) { ctx.provenance.locations[fieldPath(key)] = loc }
        func printable(_ s: Node.Scalar, _ at: Node) -> Bool {
            guard let bad = PrintableText.firstProblem(s.string) else { return true }
            ctx.problem(at, fieldPath(key), "holds the control character \(bad): a name must be printable")
            return false
        }
        if case .scalar(let s) = node { return printable(s, node) ? [s.string] : nil }
        guard case .sequence(let seq) = node else {
            ctx.problem(node, fieldPath(key), "expected a list, found \(FieldReader.describe(node))")
            return nil
        }
        var out: [String] = []
        for (i, item) in seq.enumerated() {
            if let loc = ctx.location(item) { ctx.provenance.locations["\(fieldPath(key))[\(i)]"] = loc }
            guard case .scalar(let s) = item else {
                ctx.problem(item, fieldPath(key), "expected a name, found \(FieldReader.describe(item))")
                continue
            }
            if printable(s, item) { out.append(s.string) }
        }
        if out.isEmpty && required {
            ctx.problem(node, fieldPath(key), "must list at least one name")
            return nil
        }
        return out
    }
}
