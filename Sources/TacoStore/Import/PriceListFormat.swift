/// The file formats `pricing import` reads.
public enum PriceListFormat: String, CaseIterable, Sendable {
    /// AWS Price List bulk CSV (`…/current/<region>/index.csv`): 5 metadata rows, the header, then one row per price.
    case csv
    /// AWS Price List bulk JSON offer (`index.json`: `products` and `terms`), or a map of SKU → product and terms.
    case offerJSON = "offer-json"
    /// `aws pricing get-products` output: `PriceList` holds one JSON-encoded string per product.
    case getProducts = "get-products"
    /// Spot Instance Advisor `spot-advisor-data.json`.
    case spotAdvisor = "spot-advisor"
    /// `aws ec2 describe-spot-price-history` output.
    case spotPriceHistory = "spot-price-history"

    /// What the first bytes of a file say it is: a format, or a reason it is not a price list.
    enum Detection: Equatable {
        case format(PriceListFormat)
        /// Readable text that is not a price list (a README, a report): skipped with a note.
        case notAPriceList(String)
        /// Not importable at all: an error.
        case unreadable(String)
    }

    /// Detects the format from the start of a file (the first chunk).
    static func detect(_ head: UnsafeRawBufferPointer) -> Detection {
        guard !head.isEmpty else { return .unreadable("the file is empty") }
        let sample = UnsafeRawBufferPointer(rebasing: head.prefix(65_536))
        if sample.contains(0) { return .unreadable("this is a binary file, not a price list") }
        var text = String(decoding: sample, as: UTF8.self)
        if text.contains("\u{FFFD}") && sample.count < 65_536 {
            return .unreadable("this is not UTF-8 text, so not a price list")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("\"FormatVersion\"") || trimmed.hasPrefix("FormatVersion,") { return .format(.csv) }
        guard trimmed.hasPrefix("{") || trimmed.hasPrefix("[") else {
            return .notAPriceList("not a price list (plain text, neither an AWS Price List CSV nor JSON)")
        }
        if text.contains("\"PriceList\"") { return .format(.getProducts) }
        if text.contains("\"SpotPriceHistory\"") { return .format(.spotPriceHistory) }
        if text.contains("\"spot_advisor\"") || text.contains("\"instance_types\"") && text.contains("\"ranges\"") {
            return .format(.spotAdvisor)
        }
        if text.contains("\"products\"") || text.contains("\"offerCode\"") || text.contains("\"priceDimensions\"") {
            return .format(.offerJSON)
        }
        return .unreadable(
            "JSON, but not a price list tacoplan reads (expected an AWS Price List offer, get-products output, "
                + "spot-advisor-data.json or describe-spot-price-history output)")
    }
}

/// What importing one file did.
public struct ImportReport: Sendable, Equatable {
    public var file: String
    /// The detected or forced format, or empty when skipped before detection.
    public var format: String
    public var offer = ""
    public var version = ""
    public var publication = ""
    /// Price rows (or Spot entries) read, kept for the planner, and new to the database.
    public var rowsSeen = 0
    public var rowsKept = 0
    public var rowsAdded = 0
    public var specsAdded = 0
    /// Why the file was skipped (not a price list, or a price list the planner does not use); nil when imported.
    public var skipped: String?
}
