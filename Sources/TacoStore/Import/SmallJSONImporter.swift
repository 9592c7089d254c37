import TacoCore

/// The whole of a small file (get-products pages, Spot files), read into memory.
enum WholeFile {
    /// Refuses files over this size: these formats are small, and a huge one is probably the wrong file.
    static let limit = 512 << 20

    static func read(_ chunks: FileChunks, fileName: String) throws -> [UInt8] {
        while !chunks.atEnd {
            guard chunks.count < limit else {
                throw PriceListError(
                    file: fileName, line: nil, message: "larger than \(limit >> 20) MB: too big for this format")
            }
            _ = try chunks.refill(keepingFrom: 0)
        }
        guard let base = chunks.buffer.baseAddress else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: chunks.count))
    }
}

/// Imports the small JSON formats decoded whole: `aws pricing get-products` output (one page, several pages
/// concatenated, or an array of pages), Spot Advisor `spot-advisor-data.json`, and
/// `aws ec2 describe-spot-price-history` output.
struct SmallJSONImporter {
    let session: ImportSession
    let fileName: String

    func run(_ format: PriceListFormat, _ bytes: [UInt8]) throws -> ImportReport {
        do {
            return try read(format, JSONParser(bytes: bytes))
        } catch let failure as JSONParser.Failure {
            throw PriceListError(file: fileName, failure)
        }
    }

    private func read(_ format: PriceListFormat, _ reader: JSONParser) throws -> ImportReport {
        var documents: [JSONValue] = []
        while try reader.peekToken() != nil {
            let value = try reader.readValue()
            if case .array(let pages) = value { documents += pages } else { documents.append(value) }
        }
        var report = ImportReport(file: fileName, format: format.rawValue)
        switch format {
        case .getProducts: try getProducts(documents, &report)
        case .spotAdvisor: try spotAdvisor(documents, &report)
        case .spotPriceHistory: try spotHistory(documents, &report)
        case .csv, .offerJSON: break
        }
        report.rowsSeen = session.rowsSeen
        report.rowsKept = session.rowsKept
        report.rowsAdded = session.rowsAdded
        report.specsAdded = session.specsAdded
        return report
    }

    private func getProducts(_ pages: [JSONValue], _ report: inout ImportReport) throws {
        for page in pages {
            guard let list = page["PriceList"] else {
                throw PriceListError(
                    file: fileName, line: nil, message: "a page without `PriceList`: not get-products output")
            }
            for element in list.elements {
                // Each element is a JSON document encoded as a string; an object is accepted too.
                let item: JSONValue
                if case .string(let text) = element {
                    item = try JSONParser(bytes: Array(text.utf8)).readValue()
                } else {
                    item = element
                }
                report.offer = item["serviceCode"]?.text ?? report.offer
                report.version = item["version"]?.text ?? report.version
                report.publication = item["publicationDate"]?.text ?? report.publication
                guard
                    try OfferJSONItems.importItem(
                        item, fileName: fileName, fileOffer: report.offer, version: report.version,
                        publication: report.publication, session: session)
                else {
                    throw PriceListError(
                        file: fileName, line: nil, message: "a PriceList element without `product` and `terms`")
                }
            }
        }
    }

    private func spotAdvisor(_ documents: [JSONValue], _ report: inout ImportReport) throws {
        for document in documents {
            guard let regions = document["spot_advisor"] else {
                throw PriceListError(
                    file: fileName, line: nil, message: "no `spot_advisor` object: not spot-advisor-data.json")
            }
            var maxByBucket: [Int: Int] = [:]
            for range in document["ranges"]?.elements ?? [] {
                if let index = range["index"]?.text.flatMap({ Int($0) }),
                    let max = range["max"]?.text.flatMap({ Int($0) })
                {
                    maxByBucket[index] = max
                }
            }
            for (region, systems) in regions.members.sorted(by: { $0.key < $1.key }) {
                for (os, types) in systems.members.sorted(by: { $0.key < $1.key }) {
                    for (type, entry) in types.members.sorted(by: { $0.key < $1.key }) {
                        session.rowsSeen += 1
                        let place = "\(Excerpt.quoted(type)) in \(Excerpt.quoted(region)): "
                        guard session.admitsRegion(region, place: place) else { continue }
                        guard let savings = entry["s"]?.text.flatMap({ Int($0) }),
                            ValueRules.spotSavingsPercent.contains(savings)
                        else {
                            session.reject(.spotSavings, place + "'\(Excerpt.quoted(entry["s"]?.text ?? ""))'")
                            continue
                        }
                        guard let bucket = entry["r"]?.text.flatMap({ Int($0) }),
                            ValueRules.spotBuckets.contains(bucket)
                        else {
                            session.reject(.spotBucket, place + "'\(Excerpt.quoted(entry["r"]?.text ?? ""))'")
                            continue
                        }
                        guard ProductName.isInstanceType(type, nodeType: false) else {
                            session.reject(.badProduct, "'\(Excerpt.quoted(type))'")
                            continue
                        }
                        try session.keep(
                            SpotRow(
                                region: region, os: os.lowercased(), instanceType: type, savingsPercent: savings,
                                bucket: bucket, bucketMaxPercent: maxByBucket[bucket],
                                capturedOn: session.options.capturedOn,
                                source: "Spot Instance Advisor (\(fileName), captured \(session.options.capturedOn))"))
                    }
                }
            }
        }
        report.offer = "Spot Instance Advisor"
    }

    /// Linux/UNIX Spot prices per Availability Zone, one row per zone and day (the newest change of the day: AWS
    /// lists the newest first and later rows of the same day are ignored).
    private func spotHistory(_ documents: [JSONValue], _ report: inout ImportReport) throws {
        for document in documents {
            guard let history = document["SpotPriceHistory"] else {
                throw PriceListError(
                    file: fileName, line: nil, message: "no `SpotPriceHistory`: not describe-spot-price-history output")
            }
            for entry in history.elements {
                session.rowsSeen += 1
                let zone = entry["AvailabilityZone"]?.text ?? ""
                guard entry["ProductDescription"]?.text?.hasPrefix("Linux/UNIX") == true,
                    let type = entry["InstanceType"]?.text, let last = zone.last, last.isLetter
                else { continue }
                let price = entry["SpotPrice"]?.text ?? ""
                switch PriceText.parse(price) {
                case .value(let value) where PriceRange.contains(value, unit: "hour", reserved: false): break
                case .value: session.reject(.outOfRange, "\(type) in \(zone): '\(price)'")
                case .negative: session.reject(.negative, "\(type) in \(zone): '\(price)'")
                case .notANumber: session.reject(.notANumber, "\(type) in \(zone): '\(price)'")
                }
                guard case .value(let value) = PriceText.parse(price),
                    PriceRange.contains(value, unit: "hour", reserved: false)
                else { continue }
                let stamp = entry["Timestamp"]?.text ?? ""
                guard let day = Day(iso: stamp) else {
                    session.reject(.badEffectiveDate, "\(type) in \(zone): '\(stamp)'")
                    continue
                }
                guard ProductName.isInstanceType(type, nodeType: false) else {
                    session.reject(.badProduct, "'\(type)'")
                    continue
                }
                var row = PriceRow(
                    service: "ec2", region: String(zone.dropLast()), product: type, engineOS: "linux",
                    purchaseOption: "spot", unit: "hour", usd: price, effectiveFrom: day.description,
                    source: "EC2 Spot price history (\(fileName))", confidence: "aws-spot-price-history")
                row.sourceFile = fileName
                row.term = "Spot"
                row.zone = zone
                guard session.admits(row, place: "\(type) in \(Excerpt.quoted(zone)): ") else { continue }
                try session.keep(row)
            }
        }
        report.offer = "EC2 Spot price history"
    }
}
