import Foundation

/// The transfer table (benchmarks/transfer-rules.csv, Docs/Model.md §14): which node families share a core, the
/// per-command engine-cost factor between cores, Redis OSS → Valkey, and the band for hardware no source covers.
/// Every factor in it cites a published source from shared/reference/engine-hardware-facts.md; nothing is invented
/// here. A transfer with no rule is refused, or taken with the `uncalibrated` rule's band when the caller accepts it.
public struct TransferRules: Codable, Hashable, Sendable {
    public var rules: [TransferRule]

    /// The cores every `speed` chain may pass through when no direct rule exists (the calibrated load test's core).
    public static let hub = "Graviton3"

    /// Sizes whose engine thread also does socket I/O on some families (no enhanced I/O, engine-hardware-facts.md §1.1
    /// and §4 point 2): costs measured on a larger node do not carry over by any published factor.
    public static let smallSizes: Set<String> = ["large", "medium", "small", "micro", "nano"]

    public init(rules: [TransferRule]) { self.rules = rules }

    /// Reads the CSV (columns by name: kind, from, to, factor, low, high, source, date, confidence); every problem
    /// names its line and column.
    public init(csv text: String, file: String = "benchmarks/transfer-rules.csv") throws(CommandCostError) {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw CommandCostError(message: "\(file): \(error)")
        }
        let names = ["kind", "from", "to", "factor", "low", "high", "source", "date", "confidence"]
        var index: [String: Int] = [:]
        for name in names {
            guard let i = table.column(name) else {
                throw CommandCostError(
                    message: "\(file):1: missing column '\(name)'; expected \(names.joined(separator: ","))")
            }
            index[name] = i
        }
        var out: [TransferRule] = []
        for (line, f) in table.rows {
            func field(_ name: String) -> String { f[index[name] ?? 0] }
            func number(_ name: String) throws(CommandCostError) -> Double {
                let i = index[name] ?? 0
                guard let v = Double(f[i]), v.isFinite, v > 0, v <= 100 else {
                    throw CommandCostError(
                        message:
                            "\(file):\(line):\(i + 1): \(name): expected a positive finite multiplier ≤ 100, found '\(f[i])'"
                    )
                }
                return v
            }
            guard let kind = TransferRule.Kind(rawValue: field("kind")) else {
                throw CommandCostError(
                    message:
                        "\(file):\(line):\((index["kind"] ?? 0) + 1): kind: expected one of \(TransferRule.Kind.allCases.map(\.rawValue).joined(separator: ", ")), found '\(field("kind"))'"
                )
            }
            let (factor, low, high) = (try number("factor"), try number("low"), try number("high"))
            guard low <= factor, factor <= high else {
                throw CommandCostError(
                    message: "\(file):\(line): expected low ≤ factor ≤ high, found \(low), \(factor), \(high)")
            }
            guard !field("source").isEmpty else {
                throw CommandCostError(message: "\(file):\(line): every rule needs its published source")
            }
            out.append(
                TransferRule(
                    kind: kind, from: field("from"), to: field("to"), factor: factor, low: low, high: high,
                    source: field("source"), date: field("date"), confidence: field("confidence"), line: line,
                    file: file))
        }
        rules = out
    }

    /// The core a node type runs on ("Graviton3" for cache.r7g.xlarge), from its family's `core` rule.
    public func core(of nodeType: String) -> TransferRule? {
        let family = CostHardware.family(of: nodeType)
        return rules.first { $0.kind == .core && $0.from == family }
    }

    /// The rule for hardware no source covers (the widest stated band).
    public var uncalibrated: TransferRule? { rules.first { $0.kind == .uncalibrated } }

    func speed(from a: String, to b: String) -> [TransferRule]? {
        if let r = rules.first(where: { $0.kind == .speed && $0.from == a && $0.to == b }) { return [r] }
        if let r = rules.first(where: { $0.kind == .speed && $0.from == b && $0.to == a }) { return [r.inverted] }
        guard a != Self.hub, b != Self.hub, let first = speed(from: a, to: Self.hub),
            let second = speed(from: Self.hub, to: b)
        else { return nil }
        return first + second
    }

    func engine(from a: Engine, to b: Engine) -> TransferRule? {
        if let r = rules.first(where: { $0.kind == .engine && $0.from == a.rawValue && $0.to == b.rawValue }) {
            return r
        }
        return rules.first { $0.kind == .engine && $0.from == b.rawValue && $0.to == a.rawValue }?.inverted
    }

    /// Why no transfer exists.
    public struct Refusal: Error, Hashable, Sendable {
        public var message: String
    }

    /// The steps from costs on `source` to a node of type `nodeType` running `engine`; an empty list when it is the
    /// same hardware and engine. Refused when a node type has no `core` rule, two cores have no `speed` rule or the
    /// engines have no `engine` rule. A small target from a larger source (its engine thread may do socket I/O, for
    /// which no factor is published) gets the core factor and then the `uncalibrated` step's band.
    public func path(from source: CostHardware, to nodeType: String, engine: Engine) -> Result<
        [TransferStep], Refusal
    > {
        var steps: [TransferStep] = []
        var smallTarget: String?
        guard let sourceType = source.nodeType else {
            return .failure(
                Refusal(
                    message:
                        "the costs name no AWS type (\(source.description)), so no published factor carries them to \(nodeType)"
                ))
        }
        if CostHardware.bareType(sourceType) != CostHardware.bareType(nodeType) {
            guard let from = core(of: sourceType) else {
                return .failure(Refusal(message: "no published core for \(sourceType) in the transfer table"))
            }
            guard let to = core(of: nodeType) else {
                return .failure(Refusal(message: "no published core for \(nodeType) in the transfer table"))
            }
            let targetSize = CostHardware.size(of: nodeType)
            let sourceSize = CostHardware.size(of: sourceType)
            if Self.smallSizes.contains(targetSize) && !Self.smallSizes.contains(sourceSize) {
                // The core factor still applies; the I/O layout has no published factor: the widest stated band.
                smallTarget =
                    "\(nodeType) is a .\(targetSize) node whose engine thread may also do socket I/O (engine-hardware-facts.md §4): no published factor carries costs from \(sourceType) to it"
            }
            if from.to == to.to {
                let widening = max(from.high / from.factor, to.high / to.factor, 1)
                steps.append(
                    TransferStep(
                        text: "transferred to \(nodeType): same \(to.to) core, ×\(Self.factor(1))", factor: 1,
                        widening: widening, citation: to.citation))
            } else {
                guard let chain = speed(from: from.to, to: to.to) else {
                    return .failure(
                        Refusal(message: "no published single-thread factor from \(from.to) to \(to.to)"))
                }
                for r in chain {
                    steps.append(
                        TransferStep(
                            text:
                                "transferred to \(nodeType): \(r.from) → \(r.to) core, ×\(Self.factor(r.factor)) (published range ×\(Self.factor(r.low))–×\(Self.factor(r.high)))",
                            factor: r.factor, widening: max(r.high / r.factor, 1), citation: r.citation))
                }
            }
        }
        if let sourceEngine = source.engine, sourceEngine != engine {
            guard let r = self.engine(from: sourceEngine, to: engine) else {
                return .failure(
                    Refusal(
                        message: "no published factor from \(sourceEngine.displayName) to \(engine.displayName)"))
            }
            steps.append(
                TransferStep(
                    text:
                        "\(sourceEngine.displayName) → \(engine.displayName), ×\(Self.factor(r.factor)) (published range ×\(Self.factor(r.low))–×\(Self.factor(r.high)))",
                    factor: r.factor, widening: max(r.high / r.factor, 1), citation: r.citation))
        } else if source.engine == nil {
            return .failure(Refusal(message: "the costs name no engine (\(source.description))"))
        }
        if let smallTarget { steps.append(uncalibratedStep(smallTarget)) }
        return .success(steps)
    }

    /// The step taken when no published factor applies and the costs are used anyway: ×1.00, the top of the band
    /// widened by the `uncalibrated` rule.
    public func uncalibratedStep(_ why: String) -> TransferStep {
        let r = uncalibrated
        return TransferStep(
            text: "uncalibrated (\(why)): ×1.00, top of the band ×\(Self.factor(r?.high ?? 1))",
            factor: 1, widening: r?.high ?? 1, citation: r?.citation ?? "no uncalibrated rule in the transfer table")
    }

    /// "1.00", "1.28".
    static func factor(_ v: Double) -> String { String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), v) }
}
