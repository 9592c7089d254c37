import Foundation

/// A sized option whose price `Costing` joins: its JSON key for the unit quote.
public protocol SizedOption: Codable, Hashable, Sendable {
    /// The key the option's unit quote is written under beside its quantities (`price`, `onDemandPrice`).
    static var quoteKey: String { get }
}

extension RedisSizing.Candidate: SizedOption {
    public static let quoteKey = "price"
}

extension GatewaySizing.NodeOption: SizedOption {
    public static let quoteKey = "onDemandPrice"
}

/// One sized option (a Redis candidate, a gateway node option) with its price joined by `Costing.price`
/// (Docs/Model.md §6). Reads of the sizing's own fields pass through; in JSON the quote, `hourly` and the priced
/// note sit beside its quantities.
@dynamicMemberLookup
public struct PricedOption<Sized: SizedOption>: Codable, Hashable, Sendable {
    public var sized: Sized
    /// The unit quote in force for the option's type; nil = UNPRICED.
    public var quote: PriceQuote?
    /// $/h of the option's nodes (`Costing.hourly`, `Costing.gatewayHourly`); nil when UNPRICED or not sized.
    public var hourly: Money?
    /// The sizing's note, naming the missing price when a sized option has none.
    public var note: String

    public subscript<T>(dynamicMember path: KeyPath<Sized, T>) -> T { sized[keyPath: path] }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static var quote: Key { Key(Sized.quoteKey) }
        static var hourly: Key { Key("hourly") }
        static var note: Key { Key("note") }
    }

    public init(sized: Sized, quote: PriceQuote?, hourly: Money?, note: String) {
        self.sized = sized
        self.quote = quote
        self.hourly = hourly
        self.note = note
    }

    public init(from decoder: any Decoder) throws {
        sized = try Sized(from: decoder)
        let c = try decoder.container(keyedBy: Key.self)
        quote = try c.decodeIfPresent(PriceQuote.self, forKey: .quote)
        hourly = try c.decodeIfPresent(Money.self, forKey: .hourly)
        note = try c.decode(String.self, forKey: .note)
    }

    /// The sized option's keys, then its price beside them (the note is the priced one).
    public func encode(to encoder: any Encoder) throws {
        try sized.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(quote, forKey: .quote)
        try c.encodeIfPresent(hourly, forKey: .hourly)
        try c.encode(note, forKey: .note)
    }
}

extension PricedOption where Sized == RedisSizing.Candidate {
    /// The On-Demand node-hour quote of the candidate's node type under the plan's engine; nil = UNPRICED.
    public var price: PriceQuote? { quote }
}

extension PricedOption where Sized == GatewaySizing.NodeOption {
    /// The EC2 Linux On-Demand instance-hour quote of the option's type; nil = UNPRICED.
    public var onDemandPrice: PriceQuote? { quote }
}
