extension BulkCSVImporter {
    /// The metadata rows (`"Publication Date","2025-09-12T22:53:08Z"` …), the column names, the header's line
    /// number and where the data rows start in the buffer.
    struct Preamble {
        var metadata: [String: String] = [:]
        var header: [String] = []
        var headerLine = 0
        var dataStart = 0
    }

    /// Reads records whole until the one holding a `SKU` column (the header); at most 20 records.
    func readPreamble() throws -> Preamble {
        var preamble = Preamble()
        var position = 0
        var line = 0
        while line < 20 {
            guard let raw = chunks.buffer.baseAddress else { break }
            let scanner = CSVScanner(
                base: raw.assumingMemoryBound(to: UInt8.self), end: chunks.count, atEOF: chunks.atEnd)
            var fields: [String] = []
            var index = position
            var complete = false
            scan: while true {
                switch scanner.field(at: index) {
                case .incomplete:
                    break scan
                case .unclosedQuote, .junkAfterQuote:
                    throw PriceListError(file: fileName, line: line + 1, message: "malformed CSV in the metadata rows")
                case .field(let field):
                    fields.append(scanner.text(field))
                    index = field.next
                    if field.endsRecord {
                        complete = true
                        break scan
                    }
                }
            }
            if !complete {
                guard !chunks.atEnd else { break }
                _ = try chunks.refill(keepingFrom: position)
                position = 0
                continue
            }
            line += 1
            position = index
            if fields.contains("SKU") {
                preamble.header = fields
                preamble.headerLine = line
                preamble.dataStart = position
                return preamble
            }
            if fields.count >= 2 { preamble.metadata[fields[0]] = fields[1] }
        }
        throw PriceListError(
            file: fileName, line: max(line, 1),
            message: "no header row (with a \"SKU\" column) after the metadata rows: not an AWS Price List CSV")
    }

    /// The single pass over the data rows.
    func scanRows(
        from dataStart: Int, line headerLine: Int, header: [String], columns: [String: Int], checks: [Check],
        selection: PlannerSelection, provenance: Provenance
    ) throws {
        let width = header.count
        let fields = UnsafeMutableBufferPointer<CSVScanner.Field>.allocate(capacity: width)
        defer { fields.deallocate() }
        let attributeColumns = columns.filter { Self.attributeNames.contains($0.key) }.map { ($0.value, $0.key) }
        let term = TermColumns(columns)
        var line = headerLine
        var position = dataStart
        while true {
            guard let raw = chunks.buffer.baseAddress else { break }
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let scanner = CSVScanner(base: bytes, end: chunks.count, atEOF: chunks.atEnd)
            records: while position < scanner.end {
                let start = position
                if bytes[start] == CSVScanner.newline || bytes[start] == CSVScanner.carriageReturn {
                    position += 1
                    continue
                }
                var index = start
                var fieldCount = 0
                var nextCheck = 0
                var kept = true
                var next = start
                fields: while true {
                    switch scanner.field(at: index) {
                    case .incomplete:
                        break records
                    case .unclosedQuote:
                        throw PriceListError(
                            file: fileName, line: line + 1,
                            message: "a quoted field is not closed before the end of the file: the file looks truncated"
                        )
                    case .junkAfterQuote:
                        throw PriceListError(
                            file: fileName, line: line + 1, message: "a character follows a closing quote")
                    case .field(let field):
                        if fieldCount < width { fields[fieldCount] = field }
                        if nextCheck < checks.count && checks[nextCheck].column == fieldCount {
                            if !checks[nextCheck].allowed.contains(where: { scanner.field(field, equals: $0) }) {
                                kept = false
                                if field.endsRecord {
                                    next = field.next
                                } else {
                                    guard let after = scanner.skipRecord(from: field.next) else { break records }
                                    if after == scanner.end && scanner.atEOF && bytes[after - 1] != CSVScanner.newline {
                                        try checkLastRecord(scanner, from: start, width: width, line: line + 1)
                                    }
                                    next = after
                                }
                                break fields
                            }
                            nextCheck += 1
                        }
                        fieldCount += 1
                        index = field.next
                        if field.endsRecord {
                            next = field.next
                            break fields
                        }
                    }
                }
                line += 1
                session.rowsSeen += 1
                position = next
                guard kept else { continue }
                guard fieldCount == width else {
                    let truncated = position >= scanner.end && scanner.atEOF ? ": the file looks truncated" : ""
                    throw PriceListError(
                        file: fileName, line: line, message: "expected \(width) fields, found \(fieldCount)\(truncated)"
                    )
                }
                var item = term.item(scanner, fields)
                item.line = line
                for (column, name) in attributeColumns { item.attributes[name] = scanner.text(fields[column]) }
                try session.offer(item, selection, provenance)
            }
            if chunks.atEnd {
                try checkEndsWithLineEnd(line: line)
                break
            }
            session.options.progress?(
                ImportProgress(
                    file: fileName, bytesRead: chunks.bytesRead, totalBytes: chunks.size, rowsSeen: session.rowsSeen,
                    rowsKept: session.rowsKept))
            _ = try chunks.refill(keepingFrom: position)
            position = 0
        }
    }

    /// AWS writes a line end after every row, the last included: a file whose last byte is anything else was cut
    /// short, whatever byte it stops at (inside a quoted field, right after `"",` in a row the filter drops, …).
    /// A cut exactly after a line end cannot be seen in the file itself; `pricing fetch` checks the size the server
    /// announced for that.
    func checkEndsWithLineEnd(line: Int) throws {
        guard chunks.count > 0, let raw = chunks.buffer.baseAddress else { return }
        let last = raw.load(fromByteOffset: chunks.count - 1, as: UInt8.self)
        guard last != CSVScanner.newline else { return }
        throw PriceListError(
            file: fileName, line: line,
            message: "the file does not end with a line end after line \(line): it looks truncated. "
                + "Download it again (tacoplan pricing fetch) or check the copy")
    }

    /// The file's last record has no line end: it must still have every field, or the file was cut short.
    func checkLastRecord(_ scanner: CSVScanner, from start: Int, width: Int, line: Int) throws {
        var index = start
        var count = 0
        while true {
            guard case .field(let field) = scanner.field(at: index) else {
                throw PriceListError(
                    file: fileName, line: line, message: "the last row is cut short: the file looks truncated")
            }
            count += 1
            if field.endsRecord { break }
            index = field.next
        }
        if count != width {
            throw PriceListError(
                file: fileName, line: line,
                message: "expected \(width) fields, found \(count): the file looks truncated")
        }
    }

    /// Column positions of the term and price fields.
    struct TermColumns {
        var sku, termType, effectiveDate, begin, end, unit, price, currency, lease, purchase, offering: Int?

        init(_ columns: [String: Int]) {
            sku = columns["sku"]
            termType = columns["termtype"]
            effectiveDate = columns["effectivedate"]
            begin = columns["startingrange"]
            end = columns["endingrange"]
            unit = columns["unit"]
            price = columns["priceperunit"]
            currency = columns["currency"]
            lease = columns["leasecontractlength"]
            purchase = columns["purchaseoption"]
            offering = columns["offeringclass"]
        }

        func item(_ scanner: CSVScanner, _ fields: UnsafeMutableBufferPointer<CSVScanner.Field>) -> OfferItem {
            func text(_ column: Int?) -> String { column.map { scanner.text(fields[$0]) } ?? "" }
            var item = OfferItem()
            item.sku = text(sku)
            item.termType = text(termType)
            item.effectiveDate = text(effectiveDate)
            item.beginRange = text(begin)
            item.endRange = text(end)
            item.unit = text(unit)
            item.usd = text(price)
            item.currency = text(currency)
            item.leaseLength = text(lease)
            item.purchaseOption = text(purchase)
            item.offeringClass = text(offering)
            return item
        }
    }
}
