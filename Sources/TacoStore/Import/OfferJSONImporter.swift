import TacoCore

/// Streams an AWS Price List bulk JSON offer: top-level metadata, then `products` (one product materialised at a
/// time; only those the planner uses are remembered, by SKU), then `terms` (one SKU's terms at a time). Memory is
/// bounded by the kept products, not the file. Also reads SKU-keyed files (`{"<sku>": {"product", "terms"}}`).
struct OfferJSONImporter {
    let chunks: FileChunks
    let session: ImportSession
    let fileName: String

    func run() throws -> ImportReport {
        do {
            return try read(JSONParser(chunks: chunks))
        } catch let failure as JSONParser.Failure {
            throw PriceListError(file: fileName, failure)
        }
    }

    private func read(_ reader: JSONParser) throws -> ImportReport {
        var report = ImportReport(file: fileName, format: PriceListFormat.offerJSON.rawValue)
        var kept: [String: [String: String]] = [:]
        var sawPrices = false
        try reader.beginObject()
        var first = true
        while let key = try reader.nextKey(first: first) {
            first = false
            switch key {
            case "offerCode": report.offer = try reader.readValue().text ?? ""
            case "version": report.version = try reader.readValue().text ?? ""
            case "publicationDate": report.publication = try reader.readValue().text ?? ""
            case "products":
                sawPrices = true
                try reader.beginObject()
                var firstProduct = true
                while let sku = try reader.nextKey(first: firstProduct) {
                    firstProduct = false
                    let attributes = OfferJSONItems.attributes(try reader.readValue())
                    if let offer = OfferJSONItems.offer(attributes, fileOffer: report.offer),
                        PlannerSelection(offer: offer, includeDynamoDBExtras: true).product(
                            OfferItem(attributes: attributes)) != nil
                    {
                        kept[sku] = attributes
                    }
                }
            case "terms":
                sawPrices = true
                try readTerms(reader, kept: kept, report: report)
            default:
                let value = try reader.readValue()
                if try OfferJSONItems.importItem(
                    value, fileName: fileName, fileOffer: report.offer, version: report.version,
                    publication: report.publication, session: session)
                {
                    sawPrices = true
                    if report.offer.isEmpty { report.offer = value["serviceCode"]?.text ?? "" }
                }
            }
        }
        if try reader.peekToken() != nil { throw reader.failure("unexpected data after the end of the JSON offer") }
        guard sawPrices else {
            throw reader.failure("JSON without `products`/`terms`: not an AWS Price List offer")
        }
        report.rowsSeen = session.rowsSeen
        report.rowsKept = session.rowsKept
        report.rowsAdded = session.rowsAdded
        report.specsAdded = session.specsAdded
        return report
    }

    /// `terms` → term type → SKU → that SKU's terms (materialised one SKU at a time).
    private func readTerms(_ reader: JSONParser, kept: [String: [String: String]], report: ImportReport) throws {
        let provenance = Provenance(
            fileName: fileName, offerCode: report.offer, version: report.version, publication: report.publication)
        try reader.beginObject()
        var firstType = true
        while let termType = try reader.nextKey(first: firstType) {
            firstType = false
            try reader.beginObject()
            var firstSKU = true
            while let sku = try reader.nextKey(first: firstSKU) {
                firstSKU = false
                let terms = try reader.readValue()
                let attributes = kept[sku]
                let items = OfferJSONItems.items(
                    sku: sku, attributes: attributes ?? [:], termType: termType, termsOfSKU: terms)
                session.rowsSeen += items.count
                guard let attributes, let offer = OfferJSONItems.offer(attributes, fileOffer: report.offer) else {
                    continue
                }
                let selection = PlannerSelection(
                    offer: offer, includeDynamoDBExtras: session.options.includeDynamoDBExtras)
                for item in items { try session.offer(item, selection, provenance) }
            }
        }
    }
}

extension JSONParser {
    /// Reads `chunks` from the start of its buffer, refilling it each time the parser reaches its end, so a
    /// multi-gigabyte offer streams through one chunk of memory.
    convenience init(chunks: FileChunks) {
        self.init(buffer: UnsafeRawBufferPointer(start: chunks.buffer.baseAddress, count: chunks.count)) {
            guard try chunks.refill(keepingFrom: chunks.count) else { return nil }
            return UnsafeRawBufferPointer(start: chunks.buffer.baseAddress, count: chunks.count)
        }
    }
}

extension PriceListError {
    /// A price list that is not valid JSON, at the parser's line (its column is within the chunk read last).
    init(file: String, _ failure: JSONParser.Failure) {
        self.init(file: file, line: failure.line, message: failure.message)
    }
}
