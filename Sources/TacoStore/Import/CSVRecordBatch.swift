import TacoCore

/// What every batch of one file shares: the row width, the byte-level pre-filter, the columns kept rows need, and
/// the selection rules. Built once per file from its header.
struct CSVRowPlan: Sendable {
    var fileName: String
    var width: Int
    var checks: [BulkCSVImporter.Check]
    var attributeColumns: [(Int, String)]
    var term: BulkCSVImporter.TermColumns
    /// Every column a row's template is made of (`VerdictMemo`): the term columns but the SKU and the price, and
    /// the attribute columns.
    var templateColumns: [Int]
    var selection: PlannerSelection
    var provenance: Provenance
}

/// The records of one byte range of a chunk, parsed on a worker thread: how many rows it read and, in file order,
/// the verdict on each row the pre-filter let through. Nothing here touches the database or the session, so two
/// batches run in parallel; the importer applies their outcomes one batch after the other, in file order.
///
/// A batch starts at a record boundary (or at a guessed one, see `BulkCSVImporter.splitPoint`) and parses whole
/// records while they start before `limit`; `stop` is where the next unparsed record starts.
/// `@unchecked Sendable`: one worker runs `run()`, and the importer reads the results only after waiting for it
/// (`DispatchGroup.wait`), which orders the accesses.
final class CSVRecordBatch: @unchecked Sendable {
    /// One row that passed the pre-filter and got a verdict other than skip. `line` counts rows from the batch's
    /// first (1-based); the importer adds the rows before the batch.
    enum Outcome {
        case reject(RejectReason, value: String, line: Int)
        /// The row's template, its price as text (`usd`), canonical text (`price`, see `PriceText.canonical`) and
        /// value, and its SKU: the importer builds the row only when its key is new. The SKU is empty for a row
        /// whose template its lane kept before: its key is then never new (`VerdictMemo.firstKeep`).
        case keep(RowTemplate, usd: String, price: Substring, value: Double, sku: String, line: Int)
    }

    let plan: CSVRowPlan
    let scanner: CSVScanner
    let start: Int
    let limit: Int
    private(set) var records = 0
    private(set) var stop: Int
    /// A record reaches past the buffer: read more and parse again from `stop`.
    private(set) var incomplete = false
    /// The first malformed row: its line counted from the batch's first row, and the message.
    private(set) var failure: (line: Int, message: String)?
    private(set) var outcomes: [Outcome] = []

    init(plan: CSVRowPlan, scanner: CSVScanner, start: Int, limit: Int) {
        self.plan = plan
        self.scanner = scanner
        self.start = start
        self.limit = limit
        stop = start
    }

    /// Parses the batch (see the type's comment); call once. `memo` is this batch's alone while it runs (each
    /// worker lane of the importer has its own).
    func run(memo: VerdictMemo) {
        let width = plan.width
        let fields = UnsafeMutableBufferPointer<CSVScanner.Field>.allocate(capacity: width)
        defer { fields.deallocate() }
        let bytes = scanner.base
        let checks = plan.checks
        let templateColumns = plan.templateColumns
        var position = start
        memo.startBatch()
        records: while position < limit && position < scanner.end {
            let start = position
            if bytes[start] == CSVScanner.newline || bytes[start] == CSVScanner.carriageReturn {
                position += 1
                stop = position
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
                    incomplete = true
                    break records
                case .unclosedQuote:
                    failure = (
                        records + 1,
                        "a quoted field is not closed before the end of the file: the file looks truncated"
                    )
                    break records
                case .junkAfterQuote:
                    failure = (records + 1, "a character follows a closing quote")
                    break records
                case .field(let field):
                    if fieldCount < width { fields[fieldCount] = field }
                    if nextCheck < checks.count && checks[nextCheck].column == fieldCount {
                        if !checks[nextCheck].allowed.contains(where: { scanner.field(field, equals: $0) }) {
                            kept = false
                            if field.endsRecord {
                                next = field.next
                            } else {
                                guard let after = scanner.skipRecord(from: field.next) else {
                                    incomplete = true
                                    break records
                                }
                                if after == scanner.end && scanner.atEOF && bytes[after - 1] != CSVScanner.newline,
                                    let message = lastRecordProblem(from: start)
                                {
                                    failure = (records + 1, message)
                                    break records
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
            records += 1
            position = next
            stop = next
            guard kept else { continue }
            guard fieldCount == width else {
                let truncated = position >= scanner.end && scanner.atEOF ? ": the file looks truncated" : ""
                failure = (records, "expected \(width) fields, found \(fieldCount)\(truncated)")
                break records
            }
            let template = memo.template(templateColumns, scanner, fields) {
                var item = plan.term.item(scanner, fields)
                item.attributes.reserveCapacity(plan.attributeColumns.count)
                for (column, name) in plan.attributeColumns { item.attributes[name] = scanner.text(fields[column]) }
                return plan.selection.template(item, from: plan.provenance)
            }
            guard let template else { continue }
            let usd = plan.term.price.map { scanner.text(fields[$0]) } ?? ""
            switch template.verdict(price: PriceText.parse(usd), usd: usd) {
            case .skip:
                continue
            case .reject(let reason, let value):
                outcomes.append(.reject(reason, value: value, line: records))
            case .keep(let value):
                outcomes.append(
                    .keep(
                        template, usd: usd, price: PriceText.canonical(usd), value: value,
                        sku: memo.firstKeep() ? plan.term.sku.map { scanner.text(fields[$0]) } ?? "" : "",
                        line: records))
            }
        }
    }

    /// The file's last record has no line end: it must still have every field, or the file was cut short.
    /// nil when it is whole.
    func lastRecordProblem(from start: Int) -> String? {
        var index = start
        var count = 0
        while true {
            guard case .field(let field) = scanner.field(at: index) else {
                return "the last row is cut short: the file looks truncated"
            }
            count += 1
            if field.endsRecord { break }
            index = field.next
        }
        return count == plan.width ? nil : "expected \(plan.width) fields, found \(count): the file looks truncated"
    }
}
