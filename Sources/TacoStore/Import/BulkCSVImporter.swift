import TacoCore

/// Streams an AWS Price List bulk CSV into the price table in one pass: 5 metadata rows, the header row (columns
/// found by name, so a 66- or 91-column EC2 header both work), then the rows. Rows are rejected on raw bytes by
/// the cheap discriminating columns (term type, product family, OS, tenancy, capacity status, …) as soon as each
/// column is reached; only the rows that pass are turned into strings and checked by `PlannerSelection`.
struct BulkCSVImporter {
    let chunks: FileChunks
    let session: ImportSession
    let fileName: String

    /// A pre-filter on one column: the row is skipped unless the field's bytes equal one of `allowed`.
    struct Check {
        var column: Int
        var allowed: [[UInt8]]
    }

    /// Product attributes materialised for kept rows (normalised names; see `OfferItem.normalise`).
    static let attributeNames: Set<String> = [
        "productfamily", "operatingsystem", "tenancy", "preinstalledsw", "licensemodel", "capacitystatus",
        "marketoption", "instancetype", "regioncode", "location", "usagetype", "cacheengine", "vcpu", "memory",
        "networkperformance", "physicalprocessor",
    ]

    func run() throws -> ImportReport {
        var report = ImportReport(file: fileName, format: PriceListFormat.csv.rawValue)
        let preamble = try readPreamble()
        let metadata = preamble.metadata
        let offerCode = metadata["OfferCode"] ?? ""
        report.offer = offerCode
        report.version = metadata["Version"] ?? ""
        report.publication = metadata["Publication Date"] ?? ""
        if offerCode.contains("SavingsPlan") {
            report.skipped = "a Savings Plans rate file (\(offerCode)): not a price the planner uses"
            return report
        }
        guard let offer = PlannerSelection.Offer(rawValue: offerCode) else {
            throw PriceListError(
                file: fileName, line: 5,
                message: "an AWS Price List for '\(offerCode)': tacoplan prices only "
                    + PlannerSelection.Offer.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let columns = Dictionary(
            preamble.header.enumerated().map { (OfferItem.normalise($1), $0) }, uniquingKeysWith: { a, _ in a })
        let required: [String: [String]] = [
            "termtype": ["TermType"], "priceperunit": ["PricePerUnit"], "unit": ["Unit"],
            "instancetype": offer == .dynamodb || offer == .eks ? [] : ["Instance Type"],
            "usagetype": offer == .ec2 ? [] : ["usageType"],
        ]
        for (name, label) in required where !label.isEmpty && columns[name] == nil {
            throw PriceListError(
                file: fileName, line: preamble.headerLine, message: "the header has no '\(label[0])' column")
        }
        let checks = Self.checks(for: offer, columns: columns)
        var provenance = Provenance(
            fileName: fileName, offerCode: offerCode, version: report.version, publication: report.publication)
        provenance.hasEffectiveDates = columns["effectivedate"] != nil
        let selection = PlannerSelection(offer: offer, includeDynamoDBExtras: session.options.includeDynamoDBExtras)
        try scanRows(
            from: preamble.dataStart, line: preamble.headerLine, header: preamble.header, columns: columns,
            checks: checks, selection: selection, provenance: provenance)
        report.rowsSeen = session.rowsSeen
        report.rowsKept = session.rowsKept
        report.rowsAdded = session.rowsAdded
        report.specsAdded = session.specsAdded
        return report
    }

    /// The byte-level pre-filter for an offer, ordered by column. Each accepts at least what `PlannerSelection`
    /// accepts, so it only saves work and never changes the result.
    static func checks(for offer: PlannerSelection.Offer, columns: [String: Int]) -> [Check] {
        var wanted: [(String, [String])] = [("termtype", ["OnDemand", "Reserved"])]
        switch offer {
        case .ec2:
            wanted += [
                ("productfamily", ["Compute Instance"]), ("operatingsystem", ["Linux"]), ("tenancy", ["Shared"]),
                ("capacitystatus", ["Used", ""]), ("preinstalledsw", ["NA", ""]),
                ("licensemodel", ["No License required", ""]), ("marketoption", ["OnDemand", ""]),
            ]
        case .elasticache:
            wanted += [("productfamily", ["Cache Instance", ""]), ("cacheengine", ["Redis", "Valkey", "Memcached"])]
        case .dynamodb, .eks:
            break
        }
        return wanted.compactMap { name, values in
            columns[name].map { Check(column: $0, allowed: values.map { Array($0.utf8) }) }
        }.sorted { $0.column < $1.column }
    }
}
