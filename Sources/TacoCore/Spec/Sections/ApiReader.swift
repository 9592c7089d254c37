import Yams

/// Reads `apis:` — a mapping from API name to its driver and Redis command mix.
enum ApiReader {
    /// Commands that only read; the plan may send them to replicas.
    static let readCommands: Set<String> = [
        "ZRANK", "ZCARD", "GET", "KEYS_queue", "KEYS_nomatch", "SCAN_1call", "ZRANK_P16", "GET_P16",
    ]

    static func read(_ node: Node?, ctx: ReadContext) -> [ApiSpec]? {
        guard let node else {
            ctx.problems.append(
                PlanProblem(
                    file: ctx.file, location: nil, path: "apis", message: "section 'apis' is missing",
                    fix: "list each API (join, status, enter, reserve) with `per:` and its Redis `commands:`"))
            return nil
        }
        let top = FieldReader(node, path: "apis", ctx: ctx)
        var apis: [ApiSpec] = []
        var failed = false
        for pair in top.pairs {
            let r = FieldReader(top.raw(pair.key), path: "apis.\(pair.key)", ctx: ctx)
            if let api = readApi(pair.key, r) { apis.append(api) } else { failed = true }
        }
        if top.pairs.isEmpty {
            ctx.problem(node, "apis", "lists no API", fix: "add at least a status API")
            return nil
        }
        return failed ? nil : apis
    }

    static func readApi(_ name: String, _ r: FieldReader) -> ApiSpec? {
        let driver = r.required("per", "what drives the rate", example: "poll") {
            r.choice($0, $1, "per", ApiDriver.self)
        }
        let response: Bytes? = r.optional("response_bytes", "a size", default: nil, note: "clients.response_bytes") {
            r.bytes($0, $1, "response_bytes")
        }
        let commands = readCommands(r.raw("commands"), path: r.fieldPath("commands"), ctx: r.ctx, parent: r.node)
        r.finish()
        guard let driver, let commands else { return nil }
        return ApiSpec(name: name, driver: driver, responseBytes: response, commands: commands)
    }

    static func readCommands(_ node: Node?, path: String, ctx: ReadContext, parent: Node?) -> [CommandUse]? {
        guard let node else {
            ctx.problem(
                parent, path, "is required (the Redis commands one request issues)", fix: "add `commands: []` if none")
            return nil
        }
        guard case .sequence(let seq) = node else {
            ctx.problem(node, path, "expected a list of commands, found \(FieldReader.describe(node))")
            return nil
        }
        var out: [CommandUse] = []
        var failed = false
        for (i, item) in seq.enumerated() {
            let r = FieldReader(item, path: "\(path)[\(i)]", ctx: ctx)
            let command = r.required("command", "a command from the reference benchmark", example: "ZRANK") { t, _ in t
            }
            let key = r.required("key", "the key family", example: "queue") { r.choice($0, $1, "key", KeyFamily.self) }
            let count = r.optional("count", "a number", default: 1.0, note: "once per request") {
                r.number($0, $1, "count", range: 0...10_000, exclusiveLow: true)
            }
            let fan = r.optional("fan_out", "none or other_partitions", default: FanOut.none, note: "none") {
                t, n -> FanOut? in
                if let f = FanOut(rawValue: t) { return f }
                r.ctx.problem(n, r.fieldPath("fan_out"), "'\(t)' is not a fan-out", fix: "use none or other_partitions")
                return nil
            }
            let isReadDefault = command.map { readCommands.contains($0) } ?? false
            let isRead = r.optional("read", "true or false", default: isReadDefault, note: "by command") {
                r.bool($0, $1, "read")
            }
            r.finish()
            guard let command, let key else {
                failed = true
                continue
            }
            out.append(CommandUse(command: command, key: key, count: count, fanOut: fan, isRead: isRead))
        }
        return failed ? nil : out
    }
}
