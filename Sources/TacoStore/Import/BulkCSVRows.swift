import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// The pass over the data rows. Each chunk is cut at line ends into parts (`cuts`) that two worker lanes take
    /// one after the other as each finishes its last (so neither core waits on a slow part for long), while the
    /// file's fingerprint of the new bytes is computed on a third task and this thread writes the previous chunk's
    /// rows to the database: the work uses both cores, yet the rows are applied strictly in file order, so the
    /// import (counts, conflicts, errors and their lines) is the same as a serial one. A cut inside a quoted field
    /// is detected (the part before it then ends past the cut) and the rest of the chunk is parsed again from the
    /// true record boundary.
    func scanRows(
        from dataStart: Int, line headerLine: Int, header: [String], columns: [String: Int], checks: [Check],
        selection: PlannerSelection, provenance: Provenance
    ) throws {
        let attributeColumns = columns.filter { Self.attributeNames.contains($0.key) }.map { ($0.value, $0.key) }
        let term = TermColumns(columns)
        let plan = CSVRowPlan(
            fileName: fileName, width: header.count, checks: checks, attributeColumns: attributeColumns, term: term,
            templateColumns: (term.templateColumns + attributeColumns.map(\.0)).sorted(), selection: selection,
            provenance: provenance)
        // One memo per worker lane: the lanes parse parts at once, each with its own.
        let memos = (0..<Self.lanes).map { _ in VerdictMemo() }
        let lanes = memos.map { _ in WorkerThread(name: "tacoplan-parse") }
        let fingerprint = WorkerThread(name: "tacoplan-hash")
        func waitForWorkers() {
            for lane in lanes { lane.wait() }
            fingerprint.wait()
        }
        defer {
            waitForWorkers()
            for lane in lanes { lane.stop() }
            fingerprint.stop()
        }
        chunks.hashWhileReading = false
        chunks.readAhead = true
        defer {
            chunks.readAhead = false
            chunks.hashNewBytes()
            chunks.hashWhileReading = true
        }
        var line = headerLine
        var position = dataStart
        var parsed: [(batch: CSVRecordBatch, line: Int)] = []
        while true {
            guard let raw = chunks.buffer.baseAddress else { break }
            let scanner = CSVScanner(
                base: raw.assumingMemoryBound(to: UInt8.self), end: chunks.count, atEOF: chunks.atEnd)
            passes: while position < scanner.end {
                let starts = Self.cuts(scanner, from: position)
                let parts = PartQueue(
                    starts.indices.map { index in
                        CSVRecordBatch(
                            plan: plan, scanner: scanner, start: starts[index],
                            limit: index + 1 < starts.count ? starts[index + 1] : scanner.end)
                    })
                for (lane, memo) in zip(lanes, memos).prefix(parts.batches.count) {
                    lane.start { parts.drain(memo) }
                }
                if chunks.hasUnhashedBytes {
                    let chunks = chunks
                    fingerprint.start { chunks.hashNewBytes() }
                }
                let ready = parsed
                parsed = []
                do {
                    try apply(ready)
                } catch {
                    waitForWorkers()
                    throw error
                }
                waitForWorkers()
                for batch in parts.batches {
                    guard batch.start == position else {
                        for memo in memos { memo.forgetKeeps() }
                        break
                    }
                    parsed.append((batch, line))
                    if let failure = batch.failure {
                        throw PriceListError(file: fileName, line: line + failure.line, message: failure.message)
                    }
                    line += batch.records
                    position = batch.stop
                    if batch.incomplete { break passes }
                }
            }
            if chunks.atEnd {
                try apply(parsed)
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

    /// Worker lanes parsing one chunk's parts at once: one per core of the 2-core machine the figures in
    /// Docs/Performance.md are measured on.
    static let lanes = 2
    /// A chunk is cut into at most this many parts: more parts than lanes, so a lane that finishes early takes
    /// the next part instead of waiting for the other's last (a 4 MiB chunk gives 512 KiB parts).
    static let maxParts = 8
    /// Parts are at least this long: a shorter one saves less than it costs (and chunk remainders shorter than
    /// twice this are parsed as one part).
    static let minimumSplit = 256 << 10

    /// Where the parts of what is left of the chunk start: `position`, then just after the first line end past
    /// each of `maxParts - 1` evenly spaced points. Each cut is only a guess (that line end may be inside a quoted
    /// field); `scanRows` checks it.
    static func cuts(_ scanner: CSVScanner, from position: Int) -> [Int] {
        let remaining = scanner.end - position
        let parts = min(maxParts, remaining / minimumSplit)
        var starts = [position]
        guard parts >= 2 else { return starts }
        for part in 1..<parts {
            let point = max(position + remaining / parts * part, starts[starts.count - 1])
            guard let hit = memchr(scanner.base + point, Int32(CSVScanner.newline), scanner.end - point) else {
                break
            }
            let cut = scanner.base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            guard cut < scanner.end else { break }
            if cut > starts[starts.count - 1] { starts.append(cut) }
        }
        return starts
    }

    /// The parts of one pass, handed to the lanes in file order: each lane takes the next part not taken yet.
    /// `@unchecked Sendable`: `next` is read and advanced only under `lock`; each batch is run by the one lane that
    /// took it, and the importer reads the batches only after waiting for the lanes.
    final class PartQueue: @unchecked Sendable {
        let batches: [CSVRecordBatch]
        private var next = 0
        private let lock = NSLock()

        init(_ batches: [CSVRecordBatch]) { self.batches = batches }

        /// Runs parts with `memo` until none is left.
        func drain(_ memo: VerdictMemo) {
            while true {
                lock.lock()
                let index = next
                next += 1
                lock.unlock()
                guard index < batches.count else { return }
                batches[index].run(memo: memo)
            }
        }
    }

    /// Counts the batches' rows and writes their outcomes, in file order.
    func apply(_ batches: [(batch: CSVRecordBatch, line: Int)]) throws {
        for (batch, base) in batches {
            session.rowsSeen += batch.records
            for outcome in batch.outcomes {
                switch outcome {
                case .reject(let reason, let value, let line):
                    session.reject(reason, "line \(base + line): '\(value)'")
                case .keep(let template, let usd, let price, let value, let sku, let line):
                    try session.keep(
                        template, usd: usd, price: price, value: value, sku: sku, place: "line \(base + line): ")
                }
            }
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

        /// The columns `item` reads but the SKU and the price (see `CSVRowPlan.templateColumns`).
        var templateColumns: [Int] {
            [termType, effectiveDate, begin, end, unit, currency, lease, purchase, offering].compactMap { $0 }
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
