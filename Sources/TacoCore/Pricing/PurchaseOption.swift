/// How a price is bought (Docs/Pricing.md): On-Demand, Spot, DynamoDB provisioned capacity, or a reserved term.
/// The raw value is what price files and the database store: `on-demand`, `spot`, `provisioned`, or
/// `reserved-<lease>-<payment>-<class>` (e.g. `reserved-1yr-no-upfront-standard`, as the price-list importer
/// writes it).
public enum PurchaseOption: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    case onDemand
    case spot
    case provisioned
    /// A reserved term: what follows `reserved-` (lease, payment, class).
    case reserved(term: String)

    static let reservedPrefix = "reserved-"

    public init?(rawValue: String) {
        switch rawValue {
        case "on-demand": self = .onDemand
        case "spot": self = .spot
        case "provisioned": self = .provisioned
        case let r where r.hasPrefix(Self.reservedPrefix) && r.count > Self.reservedPrefix.count:
            self = .reserved(term: String(r.dropFirst(Self.reservedPrefix.count)))
        default: return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .onDemand: return "on-demand"
        case .spot: return "spot"
        case .provisioned: return "provisioned"
        case .reserved(let term): return Self.reservedPrefix + term
        }
    }

    public var description: String { rawValue }

    /// A reserved term paid with no upfront fee (an hourly rate comparable with On-Demand's).
    public var isNoUpfrontReserved: Bool {
        if case .reserved(let term) = self { return term.contains("no-upfront") }
        return false
    }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let option = PurchaseOption(rawValue: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "unknown purchase option '\(text)': expected on-demand, spot, provisioned or reserved-…"
                ))
        }
        self = option
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
