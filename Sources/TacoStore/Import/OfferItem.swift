/// One price of one AWS Price List product, whatever file format it came from: the product's attributes
/// (names normalised, so CSV `Operating System` and JSON `operatingSystem` are both `operatingsystem`)
/// and one price dimension of one term.
struct OfferItem {
    var sku = ""
    /// Product attributes by normalised name (see `normalise`), `productfamily` included.
    var attributes: [String: String] = [:]
    /// `OnDemand` or `Reserved`.
    var termType = ""
    /// The term's effective date as AWS prints it (`2025-09-01` or `2016-12-01T00:00:00Z`).
    var effectiveDate = ""
    /// AWS unit: `Hrs`, `Quantity` (reserved upfront fee), `WriteRequestUnits`, `ReadCapacityUnit-Hrs`, …
    var unit = ""
    /// USD for one unit, exact text.
    var usd = ""
    var currency = "USD"
    /// Tier bounds (`0`/`Inf` for a flat price).
    var beginRange = ""
    var endRange = ""
    /// Reserved term attributes (`1yr`, `No Upfront`, `standard`); empty for on-demand.
    var leaseLength = ""
    var purchaseOption = ""
    var offeringClass = ""
    /// The CSV line the item came from (0 for JSON), for the rejection examples in the summary.
    var line = 0

    subscript(_ name: String) -> String { attributes[name] ?? "" }

    /// A column or attribute name reduced to lowercase letters and digits: `Pre Installed S/W` → `preinstalledsw`.
    static func normalise(_ name: String) -> String {
        String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        )
        .lowercased()
    }
}

/// Where an imported price came from: the file and the Price List publication it belongs to.
struct Provenance {
    let fileName: String
    /// `AmazonEC2`, `AmazonElastiCache`, `AmazonDynamoDB`.
    let offerCode: String
    let version: String
    /// The publication timestamp as printed (`2025-09-12T22:53:08Z`).
    let publication: String
    /// False only for a CSV without an `EffectiveDate` column: its rows then take the publication date.
    var hasEffectiveDates = true
    /// "AWS Price List AmazonEC2 20250912225308 (index.csv)", built once: every kept row carries it.
    let source: String

    init(fileName: String, offerCode: String, version: String, publication: String) {
        self.fileName = fileName
        self.offerCode = offerCode
        self.version = version
        self.publication = publication
        source = "AWS Price List \(offerCode)\(version.isEmpty ? "" : " \(version)") (\(fileName))"
    }
}
