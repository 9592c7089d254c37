import Foundation

/// Reads the records of one bill into `BillLineValues`, checking every row as `BillRowReader` defines: required
/// cells, exact decimals, UTC periods with end after start, a currency code, known categories, tags as a JSON object,
/// negative usage only on credits. Texts are numbered from their bytes (`BillTextInterner`), and every check or
/// mapping of a text (a currency code, a CUR line item type, a tag set, an instance type) is made once per distinct
/// text and remembered by its id: a bill repeats a few thousand values on millions of rows. One reader per import,
/// used by one thread; a value type, so its state is checked for exclusive access at compile time, not per
/// access.
public struct BillLineReader {
    public let header: BillRowReader
    private var interner = BillTextInterner()
    /// Ids handed to the store since the interner last started again, and those new in the current batch.
    private var sent: [Bool] = []
    private var fresh: [BillText] = []
    private var resetPending = false
    /// The id each column's cell had on the previous row (-1: none): comparing bytes with one text is cheaper than
    /// hashing them, and most columns repeat from row to row.
    private var previous: [Int32]
    private var memo = Memo()

    public init(_ header: BillRowReader) {
        self.header = header
        previous = Array(repeating: -1, count: header.header.count)
    }

    /// Results of checks and mappings by text id; `unknown` until first asked. Cleared when the interner starts again.
    private struct Memo {
        static let unknown = Int32.min
        var currencyKnown: [Int32] = []
        var curCategory: [Int32] = []
        var curService: [Int32] = []
        var curCommitted: [Int32] = []
        var pricing: [Int32] = []
        var spot: [Int32] = []
        var aws: [Int32] = []
        var tags: [Int32] = []
        /// Bit 1: Credit or Adjustment; bit 2: Usage (of a charge category); bit 4: Correction (of a charge class).
        var kind: [Int32] = []
        var instanceType: [Int64: Int32] = [:]
        /// Ids of the texts the reader writes itself, by `Constant.rawValue` (-1: not numbered yet).
        var constants = [Int32](repeating: -1, count: Constant.allCases.count)

        static func get(_ table: [Int32], _ id: Int32) -> Int32? {
            let i = Int(id)
            guard i < table.count, table[i] != unknown else { return nil }
            return table[i]
        }

        static func set(_ table: inout [Int32], _ id: Int32, _ value: Int32) {
            let i = Int(id)
            if i >= table.count { table.append(contentsOf: repeatElement(unknown, count: i + 1 - table.count)) }
            table[i] = value
        }
    }

    private static let invalid: Int32 = -2

    /// The id of cell `i`'s text; -1 for an empty or NULL cell. A cell padded with blanks is trimmed first (as
    /// Foundation trims `.whitespaces`).
    private mutating func cellId(_ cells: BillRecordView, _ i: Int) -> Int32 {
        let b = cells.cell(i)
        switch BillCellShape(b) {
        case .null: return -1
        case .plain:
            let last = previous[i]
            if last >= 0, interner.equal(Int(last), b) { return last }
            let id = interner.id(b)
            previous[i] = id
            return id
        case .padded:
            let t = String(decoding: b, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t == "NULL" ? -1 : interner.id(t)
        }
    }

    /// The texts the reader writes that no cell holds: CUR 2.0's provider, and values it derives.
    private enum Constant: Int, CaseIterable {
        case aws, noTags, dynamic, committed

        var text: String {
            switch self {
            case .aws: "AWS"
            case .noTags: "{}"
            case .dynamic: BillPricing.dynamic.rawValue
            case .committed: BillPricing.committed.rawValue
            }
        }
    }

    /// The id of a constant text, numbered once (an array read per row, not a String hashed).
    private mutating func constant(_ c: Constant) -> Int32 {
        let known = memo.constants[c.rawValue]
        if known >= 0 { return known }
        let id = interner.id(c.text)
        memo.constants[c.rawValue] = id
        return id
    }

    /// The text of an id this reader gave out.
    public func text(_ id: Int32) -> String { interner.text(id) }

    /// Reads and checks the record at `line`.
    public mutating func line(_ cells: BillRecordView, line: Int) throws(BillProblem) -> BillLineValues {
        let h = header
        guard cells.cellCount == h.header.count else {
            throw BillProblem(
                file: h.file, line: line, message: "\(cells.cellCount) fields where the header has \(h.header.count)",
                fix: "check for an unquoted comma or a cut line")
        }
        func text(_ f: BillField) -> Int32 {
            let i = h.columnOf[f.ordinal]
            guard i >= 0 else { return -1 }
            let id = cellId(cells, i)
            if id >= 0 { return id }
            let fallback = h.fallbackOf[f.ordinal]
            return fallback >= 0 ? cellId(cells, fallback) : -1
        }
        func column(_ f: BillField) -> String { h.index[f].map { h.header[$0] } ?? f.rawValue }
        func problem(_ f: BillField, _ message: String, _ fix: String) -> BillProblem {
            BillProblem(file: h.file, line: line, column: column(f), message: message, fix: fix)
        }
        func required(_ f: BillField) throws(BillProblem) -> Int32 {
            let id = text(f)
            guard id >= 0 else {
                throw problem(f, "empty or NULL", "every row needs \(column(f)) (FOCUS 1.2: mandatory)")
            }
            return id
        }
        func quoted(_ id: Int32) -> String { Excerpt.quoted(interner.text(id)) }
        func amount(_ f: BillField) throws(BillProblem) -> BillAmount? {
            if let a = try cellAmount(h.columnOf[f.ordinal]) { return a }
            let fallback = h.fallbackOf[f.ordinal]
            return fallback >= 0 ? try cellAmount(fallback) : nil
        }
        func cellAmount(_ i: Int) throws(BillProblem) -> BillAmount? {
            guard i >= 0 else { return nil }
            // The common case straight from the bytes; a padded or refused cell goes the String way for its message.
            let b = cells.cell(i)
            let v: String
            switch BillCellShape(b) {
            case .null: return nil
            case .plain:
                if case .success(let a) = BillAmount.parse(b) { return a }
                v = String(decoding: b, as: UTF8.self)
            case .padded:
                v = String(decoding: b, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                if v.isEmpty || v == "NULL" { return nil }
            }
            switch BillAmount.parse(v) {
            case .success(let a): return a
            case .failure(.notANumber):
                throw BillProblem(
                    file: h.file, line: line, column: h.header[i], message: "'\(Excerpt.quoted(v))' is not a number",
                    fix: "write a decimal such as 0.00001605990 or 1.5E-4")
            case .failure(.outOfRange(let why)):
                throw BillProblem(
                    file: h.file, line: line, column: h.header[i],
                    message: "'\(Excerpt.quoted(v))' is outside the range of a bill amount: \(why)",
                    fix: "check the export; amounts are refused rather than rounded (Docs/Billing.md \"Limits\")")
            }
        }
        func instant(_ f: BillField) throws(BillProblem) -> BillInstant {
            let i = h.columnOf[f.ordinal]
            if i >= 0, let t = BillInstant.fixed(cells.cell(i)), t >= BillLimits.earliestCharge,
                t <= BillLimits.latestCharge
            {
                return t
            }
            let id = try required(f)
            let v = interner.text(id)
            guard let t = BillInstant(text: v) else {
                throw problem(
                    f, "'\(Excerpt.quoted(v))' is not a UTC date-time",
                    "write UTC as 2024-09-01T00:00:00Z or 2024-09-01 00:00:00 (bills are UTC; no other offset)")
            }
            guard t >= BillLimits.earliestCharge, t <= BillLimits.latestCharge else {
                throw problem(
                    f,
                    "'\(Excerpt.quoted(v))' is outside the plausible charge periods (\(BillLimits.earliestCharge) → \(BillLimits.latestCharge))",
                    "check the export's dates; AWS billing began in 2006")
            }
            return t
        }
        let cur = h.format == .cur2
        guard let billed = try amount(.billedCost) else {
            throw problem(.billedCost, "empty or NULL", "every row has a billed cost, 0 included")
        }
        let currency = try required(.currency)
        if Memo.get(memo.currencyKnown, currency) == nil {
            Memo.set(&memo.currencyKnown, currency, BillCurrency.isKnown(interner.text(currency)) ? 1 : 0)
        }
        guard Memo.get(memo.currencyKnown, currency) == 1 else {
            throw problem(
                .currency, "'\(quoted(currency))' is not an ISO 4217 currency code",
                "write an active ISO 4217 code such as USD or EUR")
        }
        let start = try instant(.chargeStart)
        let end = try instant(.chargeEnd)
        guard start < end else {
            throw problem(
                .chargeEnd, "the charge period ends (\(end)) before or when it starts (\(start))",
                "ChargePeriodEnd is exclusive and must be after ChargePeriodStart")
        }
        let lineItemType = cur ? try required(.chargeCategory) : -1
        let category: Int32
        if cur {
            if Memo.get(memo.curCategory, lineItemType) == nil {
                let mapped = BillRowReader.curCategory[interner.text(lineItemType)]
                Memo.set(&memo.curCategory, lineItemType, mapped.map { interner.id($0) } ?? Self.invalid)
            }
            category = Memo.get(memo.curCategory, lineItemType) ?? Self.invalid
            guard category >= 0 else {
                throw problem(
                    .chargeCategory, "unknown line item type '\(interner.text(lineItemType))'",
                    "expected one of \(BillRowReader.curCategory.keys.sorted().joined(separator: ", "))")
            }
        } else {
            category = try required(.chargeCategory)
        }
        var pricing: Int32 = -1
        let pricingText = text(.pricingCategory)
        if pricingText >= 0 {
            if Memo.get(memo.pricing, pricingText) == nil {
                let value = BillPricing(text: interner.text(pricingText))
                Memo.set(&memo.pricing, pricingText, value.map { interner.id($0.rawValue) } ?? Self.invalid)
            }
            pricing = Memo.get(memo.pricing, pricingText) ?? Self.invalid
            guard pricing >= 0 else {
                throw problem(
                    .pricingCategory, "unknown pricing category '\(interner.text(pricingText))'",
                    "FOCUS PricingCategory is Standard, Dynamic, Committed or Other")
            }
        }
        let usageType = text(.usageType)
        var commitmentType = text(.commitmentType)
        if cur {
            if usageType >= 0 {
                if Memo.get(memo.spot, usageType) == nil {
                    Memo.set(&memo.spot, usageType, interner.text(usageType).contains("SpotUsage") ? 1 : 0)
                }
                if Memo.get(memo.spot, usageType) == 1 { pricing = constant(.dynamic) }
            }
            if Memo.get(memo.curCommitted, lineItemType) == nil {
                let kind = BillRowReader.curCommittedUsage[interner.text(lineItemType)]
                Memo.set(&memo.curCommitted, lineItemType, kind.map { interner.id($0) } ?? -1)
            }
            if let kind = Memo.get(memo.curCommitted, lineItemType), kind >= 0 {
                pricing = constant(.committed)
                commitmentType = kind
            }
        }
        let provider = cur ? constant(.aws) : try required(.providerName)
        let code = text(.serviceCode)
        var service = try required(.serviceName)
        if cur {
            if Memo.get(memo.curService, service) == nil {
                let name = BillRowReader.curServiceName(interner.text(service))
                let id = interner.id(name)
                Memo.set(&memo.curService, service, id)
            }
            service = Memo.get(memo.curService, service) ?? service
        }
        let account = try required(.accountId)
        var texts = SIMD32<Int32>(repeating: -1)
        texts[0] = provider
        texts[1] = account
        texts[2] = text(.accountName)
        texts[3] = text(.subAccountId)
        texts[4] = currency
        texts[5] = category
        let effective = try amount(.effectiveCost)
        let list = try amount(.listCost)
        let chargeClass = text(.chargeClass)
        texts[6] = chargeClass
        texts[7] = text(.chargeDescription)
        texts[8] = service
        texts[9] = code
        texts[10] = text(.regionId)
        texts[11] = pricing
        texts[12] = commitmentType
        texts[13] = text(.commitmentId)
        let consumed = try amount(.consumedQuantity)
        texts[14] = text(.consumedUnit)
        let priced = try amount(.pricingQuantity)
        texts[15] = text(.pricingUnit)
        texts[16] = text(.skuPriceId)
        texts[17] = text(.resourceId)
        texts[18] = usageType
        texts[19] = instanceType(column: text(.instanceType), details: text(.skuPriceDetails), usageType: usageType)
        let tags = text(.tags)
        if tags >= 0 {
            if Memo.get(memo.tags, tags) == nil {
                let raw = interner.text(tags)
                let json = raw == "{}" ? raw : (BillRowReader.sortedJSONObject(raw))
                Memo.set(&memo.tags, tags, json.map { interner.id($0) } ?? Self.invalid)
            }
            texts[20] = Memo.get(memo.tags, tags) ?? Self.invalid
            guard texts[20] >= 0 else {
                throw problem(.tags, "the tags are not a JSON object", "write tags as {\"key\": \"value\"}, or NULL")
            }
        } else {
            texts[20] = constant(.noTags)
        }
        if Memo.get(memo.aws, provider) == nil {
            Memo.set(&memo.aws, provider, BillRow.isAWS(interner.text(provider)) ? 1 : 0)
        }
        let isAWS = Memo.get(memo.aws, provider) == 1
        let categoryKind = kind(category)
        let creditLike = categoryKind & 1 != 0 || (chargeClass >= 0 && kind(chargeClass) & 4 != 0)
        let negative: BillField? =
            consumed?.isNegative == true ? .consumedQuantity : priced?.isNegative == true ? .pricingQuantity : nil
        if let negative, isAWS, !creditLike {
            throw problem(
                negative, "negative usage on a '\(interner.text(category))' row",
                "negative quantities belong on Credit or Adjustment rows (or ChargeClass Correction); check the export")
        }
        if billed.isNegative, isAWS, categoryKind & 2 != 0, !creditLike {
            throw problem(
                .billedCost,
                "a negative cost (\(Excerpt.quoted(NSDecimalNumber(decimal: billed.decimal).stringValue))) on a Usage row",
                "credits, refunds and discounts are Credit or Adjustment rows (or ChargeClass Correction); check the export"
            )
        }
        for c in 0..<BillLineValues.textColumns.count {
            let id = texts[c]
            guard id >= 0 else { continue }
            let i = Int(id)
            if i >= sent.count { sent.append(contentsOf: repeatElement(false, count: i + 1 - sent.count)) }
            if !sent[i] {
                sent[i] = true
                fresh.append(BillText(id: id, text: interner.text(id)))
            }
        }
        return BillLineValues(
            line: Int64(line), start: start.seconds, end: end.seconds, billed: billed, effective: effective, list: list,
            consumed: consumed, priced: priced, texts: texts, isAWS: isAWS)
    }

    /// Bit 1: Credit or Adjustment, bit 2: Usage, bit 4: Correction.
    private mutating func kind(_ id: Int32) -> Int32 {
        if let k = Memo.get(memo.kind, id) { return k }
        let t = interner.text(id)
        let k: Int32 =
            (t == "Credit" || t == "Adjustment" ? 1 : 0) | (t == "Usage" ? 2 : 0) | (t == "Correction" ? 4 : 0)
        Memo.set(&memo.kind, id, k)
        return k
    }

    /// `BillRowReader.instanceType` once per distinct (SkuPriceDetails, usage type) when the column is absent.
    private mutating func instanceType(column: Int32, details: Int32, usageType: Int32) -> Int32 {
        if column >= 0 { return column }
        let key = (Int64(details + 1) << 32) | Int64(usageType + 1)
        if let id = memo.instanceType[key] { return id }
        if memo.instanceType.count >= BillTextInterner.capacity { memo.instanceType.removeAll(keepingCapacity: true) }
        let value = BillRowReader.instanceType(
            column: nil, details: details >= 0 ? interner.text(details) : nil,
            usageType: usageType >= 0 ? interner.text(usageType) : nil)
        let id = value.map { interner.id($0) } ?? -1
        memo.instanceType[key] = id
        return id
    }

    /// Hands the batch just read its new texts; when the interner is full, starts again for the next batch (which
    /// then carries `reset`).
    public mutating func close(_ batch: inout BillLineBatch) {
        batch.reset = resetPending
        batch.fresh = fresh
        fresh = []
        resetPending = false
        if interner.isFull {
            interner.reset()
            sent.removeAll(keepingCapacity: true)
            memo = Memo()
            for i in previous.indices { previous[i] = -1 }
            resetPending = true
        }
    }

    /// The `BillRow` of values this reader read since its last `close` (which may start its texts again).
    public func row(_ v: BillLineValues) -> BillRow {
        func s(_ c: Int) -> String? { v.texts[c] < 0 ? nil : interner.text(v.texts[c]) }
        var r = BillRow(
            line: Int(v.line), provider: s(0) ?? "", accountId: s(1) ?? "", currency: s(4) ?? "", billed: v.billed,
            chargeStart: BillInstant(seconds: v.start), chargeEnd: BillInstant(seconds: v.end),
            chargeCategory: s(5) ?? "", serviceName: s(8) ?? "")
        r.accountName = s(2)
        r.subAccountId = s(3)
        r.effective = v.effective
        r.list = v.list
        r.chargeClass = s(6)
        r.chargeDescription = s(7)
        r.serviceCode = s(9)
        r.regionId = s(10)
        r.pricing = s(11).flatMap(BillPricing.init(rawValue:))
        r.commitmentType = s(12)
        r.commitmentId = s(13)
        r.consumed = v.consumed
        r.consumedUnit = s(14)
        r.priced = v.priced
        r.pricingUnit = s(15)
        r.skuPriceId = s(16)
        r.resourceId = s(17)
        r.usageType = s(18)
        r.instanceType = s(19)
        r.tags = s(20) ?? "{}"
        return r
    }
}
