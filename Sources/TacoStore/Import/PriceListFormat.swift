import TacoCore

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
        if let nul = sample.firstIndex(of: 0) {
            let line = sample[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            return .unreadable(
                "a NUL byte on line \(line) (byte \(nul + 1)): this is a binary file, not a price list (a gzip file "
                    + "is read as gzip; anything else must be the CSV or JSON text AWS publishes)")
        }
        var text = String(decoding: sample, as: UTF8.self)
        if text.contains("\u{FFFD}") && sample.count < 65_536 {
            return .unreadable("this is not UTF-8 text, so not a price list")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("\"FormatVersion\"") || trimmed.hasPrefix("FormatVersion,") { return .format(.csv) }
        if trimmed.hasPrefix("\"SKU\"") || trimmed.hasPrefix("SKU,") {
            return .unreadable(
                "an AWS Price List CSV header without the 5 metadata rows AWS writes before it (FormatVersion, "
                    + "Disclaimer, Publication Date, Version, OfferCode): the file was cut or edited; download it again"
            )
        }
        let body = trimmed.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }.reversed()
        let whole = String(body)
        if ["null", "true", "false"].contains(whole) {
            return .unreadable("JSON `\(whole)`, not a price list")
        }
        if whole.count >= 2 && whole.hasPrefix("\"") && whole.hasSuffix("\"") && !whole.contains("\n") {
            return .unreadable("a bare JSON string, not a price list")
        }
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

/// A price file whose rows did not all pass validation (see `RejectReason`), or that holds no usable price: the
/// import fails and nothing is stored.
public struct ImportRefusal: Error, CustomStringConvertible, Sendable {
    public var report: ImportReport
    /// True when the file has no usable price at all (so `--accept-partial` would not help).
    public var nothingUsable: Bool

    public var description: String {
        let why =
            !nothingUsable
            ? "some rows are not valid prices; pass --accept-partial to import the valid rows only"
            : report.rowsRejected > 0
                ? "no usable price in this file"
                : "no usable price in this file: none of its rows is one tacoplan prices (EC2 Linux Shared "
                    + "instances, ElastiCache nodes, DynamoDB request and capacity units, EKS clusters)"
        return (["\(report.file): \(why): \(report.summary)"] + report.rejectionDetails).joined(separator: "\n")
    }
}
