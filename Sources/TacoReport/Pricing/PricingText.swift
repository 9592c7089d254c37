import TacoCore

/// The terminal form of `pricing list` (stdout) and its staleness warnings (stderr).
public enum PricingText {
    public static func render(_ listing: PriceBookListing) -> String {
        var out = "region          service      newest      rows  sources  confidence            engine/os\n"
        for line in listing.lines {
            out +=
                pad(line.region, 15) + " " + pad(line.service, 12) + " \(line.newest)  "
                + pad(String(line.rows), 4, right: true) + "  " + pad(String(line.sources), 7, right: true) + "  "
                + pad(line.confidences.joined(separator: ","), 20) + "  " + line.engines.joined(separator: ",") + "\n"
        }
        return out
    }

    public static func warnings(_ listing: PriceBookListing) -> [String] {
        listing.stale.map { s in
            // The suggested command is built from validated values only: a stored region code outside the AWS list
            // (imported before codes were checked) is named escaped, never pasted into a command.
            guard AWSRegion.isKnown(s.region) else {
                return "warning: the newest price for region '\(Excerpt.quoted(s.region))' is from \(s.newest), "
                    + "\(s.age) days before \(s.today); that code is not a known AWS Region code: fetch current prices "
                    + "with tacoplan pricing fetch --region REGION, naming a documented region"
            }
            return "warning: the newest price for \(s.region) is from \(s.newest), \(s.age) days before \(s.today): "
                + "fetch current prices (tacoplan pricing fetch --region \(s.region))"
        }
    }

    /// `pricing show`: every stored price of one product, the one in force on `day` marked `*`.
    public static func show(_ quotes: [(quote: PriceQuote, inForce: Bool)], day: Day) -> String {
        var out = "  in force on \(day) marked *\n"
        for (quote, inForce) in quotes {
            out +=
                "\(inForce ? "*" : " ") \(quote.key.service.rawValue) \(quote.key.region) \(quote.key.engineOS) "
                + "\(quote.key.purchaseOption): \(quote.citation)\n"
        }
        return out
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
