/// One row of benchmarks/transfer-rules.csv (Docs/Model.md §14): how per-command engine costs measured on one piece of
/// hardware carry over to another, with the published source, its date and the uncertainty.
public struct TransferRule: Codable, Hashable, Sendable {
    /// A closed set of rule kinds.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// `from` is a node family ("m7g"), `to` the core it runs on ("Graviton3"): families on one core share
        /// per-core engine costs.
        case core
        /// `from` and `to` are cores: engine cost on `to` = cost on `from` × factor (the inverse applies backwards).
        case speed
        /// `from` and `to` are engines (redis, valkey) on the same hardware.
        case engine
        /// No published factor applies (unknown hardware, the reference VM, an I/O layout no source measured): the
        /// costs are used as they are with the widest stated band.
        case uncalibrated
    }

    public var kind: Kind
    public var from: String
    public var to: String
    /// Multiplier on engine cost per command (the point value).
    public var factor: Double
    /// The published range of the multiplier, low ≤ factor ≤ high.
    public var low: Double
    public var high: Double
    public var source: String
    public var date: String
    /// confirmed / third-party / inferred (engine-hardware-facts.md's labels).
    public var confidence: String
    /// 1-based line in the CSV, for citations.
    public var line: Int
    public var file: String

    /// The rule read backwards: cost on `from` = cost on `to` ÷ factor; the range inverts.
    public var inverted: TransferRule {
        var r = self
        (r.from, r.to) = (to, from)
        r.factor = 1 / factor
        (r.low, r.high) = (1 / high, 1 / low)
        return r
    }

    /// "benchmarks/transfer-rules.csv:4 (SC Redis 7.4 SET …; 2024-08, third-party)".
    public var citation: String { "\(file):\(line) (\(source); \(date), \(confidence))" }
}

/// One applied transfer: what it says, the factor and how much it widens the top of the band.
public struct TransferStep: Codable, Hashable, Sendable {
    /// "transferred to cache.r7g.xlarge: same Graviton3 core, ×1.00".
    public var text: String
    public var factor: Double
    /// The band's top grows by this multiplier (the rule's high ÷ its factor, at least 1).
    public var widening: Double
    public var citation: String

    public init(text: String, factor: Double, widening: Double, citation: String) {
        self.text = text
        self.factor = factor
        self.widening = widening
        self.citation = citation
    }
}
