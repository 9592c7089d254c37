import TacoCore

/// One validated bill row as `BillLineWriter` binds it: its repeated strings replaced by ids into the batch
/// stream's text table (`BillTextInterner`), so binding a cell is an array lookup, not a String hash or compare.
struct BillLineValues {
    var line: Int64
    var start: Int64
    var end: Int64
    var billed: BillAmount
    var effective: BillAmount?
    var list: BillAmount?
    var consumed: BillAmount?
    var priced: BillAmount?
    /// The text columns in `BillLineValues.textColumns` order: an id of `BillTextInterner`, -1 for NULL.
    var texts: SIMD32<Int32>

    /// The `bill_line` columns held in `texts`, in order.
    static let textColumns = [
        "provider", "account", "account_name", "sub_account", "currency", "charge_category", "charge_class",
        "charge_description", "service_name", "service_code", "region", "pricing_category", "commitment_type",
        "commitment_id", "consumed_unit", "pricing_unit", "sku_price_id", "resource_id", "usage_type",
        "instance_type", "tags",
    ]

    init(_ r: BillRow, interner: inout BillTextInterner) {
        line = Int64(r.line)
        start = r.chargeStart.seconds
        end = r.chargeEnd.seconds
        billed = r.billed
        effective = r.effective
        list = r.list
        consumed = r.consumed
        priced = r.priced
        var texts = SIMD32<Int32>(repeating: -1)
        texts[0] = interner.id(r.provider, column: 0)
        texts[1] = interner.id(r.accountId, column: 1)
        texts[2] = interner.id(r.accountName, column: 2)
        texts[3] = interner.id(r.subAccountId, column: 3)
        texts[4] = interner.id(r.currency, column: 4)
        texts[5] = interner.id(r.chargeCategory, column: 5)
        texts[6] = interner.id(r.chargeClass, column: 6)
        texts[7] = interner.id(r.chargeDescription, column: 7)
        texts[8] = interner.id(r.serviceName, column: 8)
        texts[9] = interner.id(r.serviceCode, column: 9)
        texts[10] = interner.id(r.regionId, column: 10)
        texts[11] = interner.id(r.pricing?.rawValue, column: 11)
        texts[12] = interner.id(r.commitmentType, column: 12)
        texts[13] = interner.id(r.commitmentId, column: 13)
        texts[14] = interner.id(r.consumedUnit, column: 14)
        texts[15] = interner.id(r.pricingUnit, column: 15)
        texts[16] = interner.id(r.skuPriceId, column: 16)
        texts[17] = interner.id(r.resourceId, column: 17)
        texts[18] = interner.id(r.usageType, column: 18)
        texts[19] = interner.id(r.instanceType, column: 19)
        texts[20] = interner.id(r.tags, column: 20)
        self.texts = texts
    }
}

/// Rows ready for `BillLineWriter`: the texts first seen in this batch (their ids follow on from the previous
/// batch's, or start again at 0 after `reset`) and the rows that use them.
struct BillLineBatch {
    var reset = false
    var fresh: [String] = []
    var rows: [BillLineValues] = []
}

/// Numbers the distinct strings of a bill, bounded: past `capacity` it starts again at the next batch (the writer
/// then forgets its ids too).
struct BillTextInterner {
    /// Most strings numbered before starting again: 65,536 (a month's export has a few thousand distinct values per
    /// column; resource ids can be more).
    static let capacity = 65_536

    private var ids: [String: Int32] = [:]
    /// The last text and id of each column: most columns repeat their value from row to row, and comparing two
    /// Strings is cheaper than hashing one.
    private var last = [(text: String, id: Int32)](repeating: ("", -1), count: 32)
    private var fresh: [String] = []
    private var reset = false

    mutating func id(_ text: String?, column: Int) -> Int32 {
        guard let text else { return -1 }
        if last[column].id >= 0, last[column].text == text { return last[column].id }
        let id: Int32
        if let known = ids[text] {
            id = known
        } else {
            id = Int32(ids.count)
            ids[text] = id
            fresh.append(text)
        }
        last[column] = (text, id)
        return id
    }

    /// The texts and reset flag of the batch just filled; starts again when past `capacity`.
    mutating func close(_ batch: inout BillLineBatch) {
        batch.reset = reset
        batch.fresh = fresh
        fresh = []
        reset = false
        if ids.count >= Self.capacity {
            ids.removeAll(keepingCapacity: true)
            last = Array(repeating: ("", -1), count: 32)
            reset = true
        }
    }
}
