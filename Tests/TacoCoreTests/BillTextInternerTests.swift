import Foundation
import Testing

@testable import TacoCore

/// `BillTextInterner` numbers texts by their bytes; `BillLineReader` hands the store each text once and starts
/// again, with the next batch marked `reset`, when the interner is full.
@Suite struct BillTextInternerTests {
    @Test func theSameBytesGetTheSameIdAndTheirText() {
        var interner = BillTextInterner()
        let a = interner.id("Amazon ElastiCache")
        let b = interner.id("Amazon DynamoDB")
        let empty = interner.id("")
        #expect(a == 0 && b == 1 && empty == 2)
        #expect(interner.id("Amazon ElastiCache") == a && interner.id("") == empty)
        #expect(interner.text(a) == "Amazon ElastiCache" && interner.text(empty) == "")
        // Same length, one byte apart; and a text that is a prefix of another.
        #expect(interner.id("Amazon ElastiCachf") == 3 && interner.id("Amazon") == 4)
        interner.reset()
        #expect(interner.count == 0 && interner.id("Amazon DynamoDB") == 0)
    }

    @Test func theInternerIsFullAtItsCapacity() {
        var interner = BillTextInterner()
        for i in 0..<(BillTextInterner.capacity - 1) { _ = interner.id("r-\(i)") }
        #expect(!interner.isFull)
        _ = interner.id("r-last")
        #expect(interner.isFull && interner.count == 65_536)
        #expect(interner.id("r-12345") == 12_345 && interner.text(65_535) == "r-last")
    }

    static let header = [
        "BilledCost", "BillingCurrency", "BillingAccountId", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
        "ServiceName", "ProviderName", "ResourceId",
    ]

    static func line(_ reader: inout BillLineReader, resource: String, line: Int) throws -> BillLineValues {
        let cells =
            ["0.5", "USD", "111", "2024-09-01 00:00:00", "2024-09-01 01:00:00", "Usage", "Amazon S3", "AWS"]
            + [resource]
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        for cell in cells {
            starts.append(bytes.count)
            bytes += Array(cell.utf8)
            ends.append(bytes.count)
        }
        return try bytes.withUnsafeBufferPointer { b in
            try starts.withUnsafeBufferPointer { s in
                try ends.withUnsafeBufferPointer { e in
                    try reader.line(BillRecordView(bytes: b, starts: s, ends: e), line: line)
                }
            }
        }
    }

    @Test func aFullInternerStartsAgainAtTheNextBatchWhichSaysSo() throws {
        var reader = BillLineReader(try BillRowReader(file: "bill.csv", header: Self.header))
        // Batch 1: 65,536 − 6 rows, each with its own resource id. With the six texts every row shares (USD, 111,
        // Usage, Amazon S3, AWS, and "{}" stored for no tags) the interner then holds 65,530 + 6 = 65,536 texts, each
        // handed to the store once.
        var first = BillLineBatch()
        for i in 0..<(BillTextInterner.capacity - 6) {
            first.rows.append(try Self.line(&reader, resource: "r-\(i)", line: i + 2))
        }
        #expect(reader.row(first.rows[0]).resourceId == "r-0")
        reader.close(&first)
        #expect(!first.reset && first.fresh.count == 65_536)
        #expect(Set(first.fresh.map(\.id)).count == 65_536)
        // Batch 2 starts again: ids from 0, the 7 texts it uses sent again, marked reset.
        var second = BillLineBatch()
        second.rows.append(try Self.line(&reader, resource: "r-0", line: 70_000))
        reader.close(&second)
        #expect(second.reset && second.fresh.count == 7)
        #expect(second.fresh.map(\.id).sorted() == Array(0..<7))
        let row = reader.row(second.rows[0])
        #expect(row.resourceId == "r-0" && row.serviceName == "Amazon S3" && row.tags == "{}" && row.line == 70_000)
    }
}
