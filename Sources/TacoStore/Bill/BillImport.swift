import Foundation
import GRDB
import TacoCore

/// What one `bill import` of a file did.
public struct BillImportResult: Sendable {
    public var file: String
    public var format: BillFormat
    public var gzip: Bool
    /// Rows in the file (all providers).
    public var rows: Int
    public var awsRows: Int
    /// False when the same content was imported before: nothing was written.
    public var added: Bool
}

extension TacoDatabase {
    /// Imports one FOCUS 1.0–1.2 or CUR 2.0 CSV file (plain or gzip), streamed, in one transaction: every row is
    /// validated first-to-last and any problem (or a killed process) leaves the database as it was. A file whose
    /// decompressed content (hash and size) was imported before is skipped.
    public func importBill(path: String, importedAt: String) throws -> BillImportResult {
        let records = try BillRecords(path: path)
        guard let first = try records.next() else {
            throw BillProblem(
                file: path, line: 1, message: "the file is empty", fix: "export the bill again (FOCUS or CUR 2.0 CSV)")
        }
        let reader = try BillRowReader(file: path, header: first.cells)
        let gzip = BillRecords.isGzip(path)
        return try writeTransaction { db in
            try db.execute(
                sql: """
                    INSERT INTO bill_file (file_name, format, gzip, content_hash, content_size, row_count, imported_at)
                    VALUES (?, ?, ?, '', -1, 0, ?)
                    """, arguments: [(path as NSString).lastPathComponent, reader.format.rawValue, gzip, importedAt])
            let fileId = db.lastInsertedRowID
            let insert = try db.makeStatement(sql: BillRowStore.insertSQL)
            var rows = 0
            var aws = 0
            while let record = try records.next() {
                if record.cells.count == 1 && record.cells[0].isEmpty { continue }
                let row = try reader.row(record.cells, line: record.line)
                try insert.execute(arguments: BillRowStore.arguments(row, fileId: fileId))
                rows += 1
                if row.isAWS { aws += 1 }
            }
            let hash = records.hash.hex
            let size = records.bytesRead
            let seen = try Int64.fetchOne(
                db, sql: "SELECT id FROM bill_file WHERE content_hash = ? AND content_size = ?",
                arguments: [hash, size])
            if seen != nil {
                try db.execute(sql: "DELETE FROM bill_row WHERE file_id = ?", arguments: [fileId])
                try db.execute(sql: "DELETE FROM bill_file WHERE id = ?", arguments: [fileId])
            } else {
                try db.execute(
                    sql: "UPDATE bill_file SET content_hash = ?, content_size = ?, row_count = ? WHERE id = ?",
                    arguments: [hash, size, rows, fileId])
            }
            return BillImportResult(
                file: path, format: reader.format, gzip: gzip, rows: rows, awsRows: aws, added: seen == nil)
        }
    }
}
