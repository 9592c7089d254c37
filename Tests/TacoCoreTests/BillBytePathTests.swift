import Foundation
import Testing

@testable import TacoCore

/// The import reads amounts and charge periods straight from a cell's bytes (`BillCells.withCellBytes`): a row read
/// that way equals the row read through Strings, padded, NULL and refused cells included.
@Suite struct BillBytePathTests {
    /// Cells that hand out their bytes from one buffer, as the file reader does (no String per cell read as a value).
    struct ByteCells: BillCells {
        var strings: [String]
        var cellCount: Int { strings.count }
        func cell(_ i: Int) -> String { strings[i] }
        func withCellBytes<R>(_ i: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
            Array(strings[i].utf8).withUnsafeBytes(body)
        }
    }

    static func reader() throws -> BillRowReader { try BillRowReader(file: "bill.csv", header: BillReaderTests.header) }

    @Test func aRowReadFromBytesEqualsTheRowReadFromStrings() throws {
        let reader = try Self.reader()
        let variants = [
            BillReaderTests.cells(),
            BillReaderTests.cells(cost: " 12.50 ", quantity: "NULL"),  // padded: trimmed as before
            BillReaderTests.cells(cost: "1.5E-4", start: "2024-09-30T22:00:00Z", end: "2024-09-30T23:00:00.000Z"),
            BillReaderTests.cells(cost: "-3", category: "Credit", quantity: ""),
        ]
        for cells in variants {
            let fromStrings = try reader.row(cells, line: 2)
            let fromBytes = try reader.row(ByteCells(strings: cells), line: 2)
            #expect(fromBytes == fromStrings)
        }
        // " 12.50 " is 1250 × 10⁻²; 1.5E-4 is 15 × 10⁻⁵.
        #expect(try reader.row(ByteCells(strings: variants[1]), line: 2).billedCost == Decimal(string: "12.5"))
        #expect(try reader.row(ByteCells(strings: variants[2]), line: 2).billedCost == Decimal(string: "0.00015"))
    }

    @Test func aRefusedCellKeepsItsMessageOnTheBytePath() throws {
        let reader = try Self.reader()
        for (cells, expected) in [
            (BillReaderTests.cells(cost: "1,5"), "'1,5' is not a number"),
            (BillReaderTests.cells(start: "2024-09-30 22:00:00+09:00"), "is not a UTC date-time"),
            (BillReaderTests.cells(start: "1999-01-01 00:00:00"), "outside the plausible charge periods"),
        ] {
            do {
                _ = try reader.row(ByteCells(strings: cells), line: 9)
                Issue.record("accepted \(cells)")
            } catch {
                #expect(error.line == 9 && error.message.contains(expected), "\(error)")
            }
        }
    }

    @Test func awsIsRecognisedInAnyCaseAndNothingElseIs() {
        for p in ["AWS", "aws", "Aws", "Amazon Web Services", "amazon web services, inc."] { #expect(BillRow.isAWS(p)) }
        for p in ["Microsoft", "AWSX", "Amazon", "", "Amazon Web Service"] { #expect(!BillRow.isAWS(p)) }
    }

    @Test func anAmountKnowsItsSignAndExactValueWithoutADecimalStored() throws {
        let a = try BillAmount.parse("-0.00001605990").get()
        // -0.00001605990: digits 1605990, 11 places; the trailing zero is not kept, so −160599 × 10⁻¹⁰.
        #expect(a.isNegative)
        #expect(a.units == -160_599 && a.scale == 10)
        #expect(a.decimal == Decimal(string: "-0.0000160599"))
        #expect(!(try BillAmount.parse("0").get()).isNegative)
    }
}
