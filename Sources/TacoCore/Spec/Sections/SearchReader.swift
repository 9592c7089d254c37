import Yams

enum SearchReader {
    static func read(_ r: FieldReader) -> SearchSpec? {
        var spec = SearchSpec()
        var failed = false
        func range(_ key: String, _ bounds: ClosedRange<Int>, note: String) -> ClosedRange<Int>? {
            guard let node = r.raw(key) else {
                r.ctx.provenance.defaults[r.fieldPath(key)] = note
                return nil
            }
            let value = intRange(r, key, node, bounds)
            if value == nil { failed = true }
            return value
        }
        spec.shards = range(
            "shards", 1...AWSLimits.elastiCacheMaxShards, note: "redis.min_shards to max(min_shards, 32)")
        spec.replicas = range("replicas", 0...5, note: "the plan's redis.replicas")
        spec.queuePartitions = range(
            "queue_partitions", 1...AWSLimits.elastiCacheMaxShards, note: "the plan's redis.queue_partitions")
        if let node = r.raw("spot_shares") {
            spec.spotShares = shares(r, node)
            if spec.spotShares == nil { failed = true }
        } else {
            r.ctx.provenance.defaults[r.fieldPath("spot_shares")] = "0 % to 100 % in steps of 10 %"
        }
        spec.objective = r.optional("objective", "month or event", default: .perMonth, note: "cheapest per month") {
            r.choice($0, $1, "objective", SearchObjective.self)
        }
        spec.redisFamilies = families(r, "redis_families", &failed)
        spec.gatewayFamilies = families(r, "gateway_families", &failed)
        if let names = r.stringList("architectures", required: false) {
            let node = r.raw("architectures")
            for name in names {
                if let a = InstanceSpec.Architecture(rawValue: name) {
                    if !spec.architectures.contains(a) { spec.architectures.append(a) }
                    continue
                }
                let known = ["arm64", "x86_64"]
                let hint = Suggestion.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
                r.ctx.problem(
                    node, r.fieldPath("architectures"), "'\(name)' is not an architecture",
                    fix: "\(hint)use arm64 (Graviton) or x86_64")
                failed = true
            }
            if !spec.architectures.isEmpty && spec.redisFamilies.isEmpty && spec.gatewayFamilies.isEmpty {
                r.ctx.problem(
                    node, r.fieldPath("architectures"),
                    "architectures only filters the types redis_families and gateway_families select",
                    fix: "add `redis_families: [m7g]` or `gateway_families: [c7g]`, or remove architectures")
                failed = true
            }
        } else {
            failed = true
        }
        r.finish()
        return failed ? nil : spec
    }

    /// `1-32`, `4` or `{ min: 1, max: 32 }`, inside `bounds`.
    static func intRange(_ parent: FieldReader, _ key: String, _ node: Node, _ bounds: ClosedRange<Int>)
        -> ClosedRange<Int>?
    {
        let path = parent.fieldPath(key)
        let ctx = parent.ctx
        if let loc = ctx.location(node) { ctx.provenance.locations[path] = loc }
        let example = "`\(key): \(bounds.lowerBound)-\(min(bounds.upperBound, 32))` or `{ min: …, max: … }`"
        var low: Int?
        var high: Int?
        switch node {
        case .scalar(let s):
            let parts = s.string.replacingOccurrences(of: " ", with: "").split(
                separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), let a = Int(parts[0]), let b = Int(parts[parts.count - 1]) else {
                ctx.problem(node, path, "expected a range such as 1-32, found '\(s.string)'", fix: "write \(example)")
                return nil
            }
            (low, high) = (a, b)
        case .mapping:
            let m = FieldReader(node, path: path, ctx: ctx)
            low = m.required("min", "a whole number", example: "\(bounds.lowerBound)") {
                m.positiveInt($0, $1, "min", min: bounds.lowerBound, max: bounds.upperBound)
            }
            high = m.required("max", "a whole number", example: "\(bounds.upperBound)") {
                m.positiveInt($0, $1, "max", min: bounds.lowerBound, max: bounds.upperBound)
            }
            m.finish()
            guard low != nil, high != nil else { return nil }
        default:
            ctx.problem(node, path, "expected a range, found \(FieldReader.describe(node))", fix: "write \(example)")
            return nil
        }
        guard let low, let high else { return nil }
        guard low <= high else {
            ctx.problem(node, path, "the range \(low)-\(high) is empty (min > max)", fix: "write \(high)-\(low)")
            return nil
        }
        guard bounds.contains(low), bounds.contains(high) else {
            ctx.problem(
                node, path, "\(low)-\(high) is outside \(bounds.lowerBound)-\(bounds.upperBound)",
                fix: "keep \(key) within \(bounds.lowerBound)-\(bounds.upperBound)")
            return nil
        }
        return low...high
    }

    /// `[0%, 50%, 80%]`, or `{ step: 10%, min: 0%, max: 100% }` (min and max optional).
    static func shares(_ parent: FieldReader, _ node: Node) -> [Double]? {
        let key = "spot_shares"
        let path = parent.fieldPath(key)
        let ctx = parent.ctx
        if let loc = ctx.location(node) { ctx.provenance.locations[path] = loc }
        switch node {
        case .sequence(let seq):
            var out: [Double] = []
            var failed = false
            for item in seq {
                guard case .scalar(let s) = item, let f = parent.fraction(s.string, item, key) else {
                    if case .scalar = item {
                    } else {
                        ctx.problem(item, path, "expected a fraction such as 50%, found \(FieldReader.describe(item))")
                    }
                    failed = true
                    continue
                }
                out.append(f)
            }
            if failed { return nil }
            guard !out.isEmpty else {
                ctx.problem(node, path, "must list at least one share", fix: "e.g. `spot_shares: [0%, 50%, 80%]`")
                return nil
            }
            return Array(Set(out)).sorted()
        case .mapping:
            let m = FieldReader(node, path: path, ctx: ctx)
            let step = m.required("step", "a fraction", example: "10%") {
                m.fraction($0, $1, "step", allowZero: false)
            }
            let low = m.optional("min", "a fraction", default: 0.0, note: "0 %") { m.fraction($0, $1, "min") }
            let high = m.optional("max", "a fraction", default: 1.0, note: "100 %") { m.fraction($0, $1, "max") }
            m.finish()
            guard let step else { return nil }
            guard low <= high else {
                ctx.problem(
                    node, path, "min \(Format.percent(low)) is above max \(Format.percent(high))", fix: "swap them")
                return nil
            }
            // Shares are rounded to 1e-6 so that 3 × 10 % is exactly the literal 0.3.
            var out: [Double] = []
            var i = 0.0
            while true {
                let share = ((low + i * step) * 1e6).rounded() / 1e6
                if share > high + 1e-9 { break }
                out.append(share)
                i += 1
            }
            return out
        default:
            ctx.problem(
                node, path, "expected a list of shares or `{ step: 10% }`, found \(FieldReader.describe(node))",
                fix: "write `spot_shares: [0%, 50%, 80%]` or `spot_shares: { step: 10% }`")
            return nil
        }
    }

    /// A list of instance families: `m7g`, `r7g` (no `cache.` prefix, no size).
    static func families(_ r: FieldReader, _ key: String, _ failed: inout Bool) -> [String] {
        guard let names = r.stringList(key, required: false) else {
            failed = true
            return []
        }
        var out: [String] = []
        for (i, name) in names.enumerated() {
            let ok = name.range(of: #"^[a-z][a-z0-9-]*$"#, options: .regularExpression) != nil
            if !ok {
                let node = r.ctx.provenance.locations["\(r.fieldPath(key))[\(i)]"]
                let bare = InstanceFamily.of(name)
                r.ctx.problems.append(
                    PlanProblem(
                        file: r.ctx.file, location: node, path: r.fieldPath(key),
                        message: "'\(name)' is not an instance family",
                        fix: "write the family alone, e.g. `\(bare)` (no `cache.` prefix, no size)"))
                failed = true
                continue
            }
            if !out.contains(name) { out.append(name) }
        }
        return out
    }
}
