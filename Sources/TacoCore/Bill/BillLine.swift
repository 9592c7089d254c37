/// One validated bill row as the store writes it: every text cell replaced by its id in the import's
/// `BillTextInterner` (binding a cell is an array lookup, not a String), amounts exact as read.
public struct BillLineValues: Sendable {
    public var line: Int64
    public var start: Int64
    public var end: Int64
    public var billed: BillAmount
    public var effective: BillAmount?
    public var list: BillAmount?
    public var consumed: BillAmount?
    public var priced: BillAmount?
    /// The text columns in `BillLineValues.textColumns` order: an interner id, -1 for NULL.
    public var texts: SIMD32<Int32>
    /// True for an Amazon Web Services row (`BillRow.isAWS` of its provider).
    public var isAWS: Bool

    /// The `bill_line` columns held in `texts`, in order.
    public static let textColumns = [
        "provider", "account", "account_name", "sub_account", "currency", "charge_category", "charge_class",
        "charge_description", "service_name", "service_code", "region", "pricing_category", "commitment_type",
        "commitment_id", "consumed_unit", "pricing_unit", "sku_price_id", "resource_id", "usage_type",
        "instance_type", "tags",
    ]
}

/// A text a batch's rows use for the first time since the interner last started again: its id and its text.
public struct BillText: Sendable {
    public var id: Int32
    public var text: String
}

/// Rows ready for the store: the texts first used in this batch (after forgetting every earlier id when `reset`),
/// then the rows that use them.
public struct BillLineBatch: Sendable {
    public var reset = false
    public var fresh: [BillText] = []
    public var rows: [BillLineValues] = []

    public init() {}
}

/// One record of a bill as bytes: field i is `bytes[starts[i]..<ends[i]]`.
public struct BillRecordView {
    public let bytes: UnsafeBufferPointer<UInt8>
    public let starts: UnsafeBufferPointer<Int>
    public let ends: UnsafeBufferPointer<Int>

    public init(bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int>, ends: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
    }

    public var cellCount: Int { ends.count }

    /// Field i's bytes.
    @inline(__always)
    public func cell(_ i: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[starts[i]..<ends[i]]))
    }
}
