import Foundation
import GRDB
import TacoCore

/// How far a bill import has got, for the progress line on a terminal.
public struct BillImportProgress: Sendable {
    public var file: String
    /// Decompressed bytes read so far, and the file's size on disk (the total for a plain CSV).
    public var bytesRead: Int64
    public var fileBytes: Int64
    public var gzip: Bool
    public var rows: Int
}

/// The file's identity on disk, to recognise an unchanged file before reading it: its absolute path, size and
/// modification time (nanoseconds).
struct BillFileStamp {
    var path: String
    var bytes: Int64
    var mtime: String

    /// The stamp of a regular file, or the problem with the path (a FIFO, device or directory is never opened:
    /// opening a FIFO blocks until a writer comes).
    static func of(_ path: String) throws(BillProblem) -> BillFileStamp {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let why = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw BillProblem(file: path, line: nil, message: why, fix: "check the path")
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            throw BillProblem(
                file: path, line: nil, message: "is a directory", fix: "name the export's CSV or .csv.gz files")
        default:
            throw BillProblem(
                file: path, line: nil, message: "is not a regular file (a FIFO, socket or device)",
                fix: "save the export to a regular file and import that file")
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return BillFileStamp(
            path: absolute, bytes: Int64(st.st_size), mtime: "\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)")
    }
}

/// Rolls back an import whose content turned out to be imported already.
private struct AlreadyImported: Error {}

extension TacoDatabase {
    /// Imports one FOCUS 1.0–1.2 or CUR 2.0 CSV file (plain or gzip), streamed, in one transaction: every row is
    /// validated first-to-last and any problem (or a killed process) leaves the database as it was. A file seen
    /// before at the same path with the same size and modification time is skipped without being read; a file
    /// whose decompressed content (hash and size) was imported before is read, then rolled back.
    public func importBill(
        path: String, importedAt: String, progress: (@Sendable (BillImportProgress) -> Void)? = nil
    ) throws -> ImportedBill {
        let stamp = try BillFileStamp.of(path)
        if let known = try writer.read({ db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT format, gzip, row_count, aws_rows FROM bill_file
                    WHERE file_path = ? AND file_bytes = ? AND file_mtime = ? AND content_size >= 0
                    """, arguments: [stamp.path, stamp.bytes, stamp.mtime])
        }) {
            return ImportedBill(
                file: path, format: BillFormat(rawValue: known["format"]) ?? .focus, gzip: known["gzip"],
                rows: known["row_count"], awsRows: known["aws_rows"], added: false)
        }
        let records = try BillRecords(path: path, compressedBytes: stamp.bytes)
        guard let first = try records.next() else {
            throw BillProblem(
                file: path, line: 1, message: "the file is empty", fix: "export the bill again (FOCUS or CUR 2.0 CSV)")
        }
        let reader = try BillRowReader(file: path, header: first.cells)
        let gzip = records.gzip
        var rows = 0
        var aws = 0
        do {
            // The rows' one foreign key (file_id) is the bill_file row this transaction inserts: SQLite's check of it
            // per row is skipped (0.1 s per million rows, Docs/Performance.md).
            try writeTransaction(checkingForeignKeys: false) { db in
                try db.execute(
                    sql: """
                        INSERT INTO bill_file (file_name, format, gzip, content_hash, content_size, row_count, imported_at,
                            file_path, file_bytes, file_mtime)
                        VALUES (?, ?, ?, '', -1, 0, ?, ?, ?, ?)
                        """,
                    arguments: [
                        (path as NSString).lastPathComponent, reader.format.rawValue, gzip, importedAt, stamp.path,
                        stamp.bytes, stamp.mtime,
                    ])
                let fileId = db.lastInsertedRowID
                let deferred = try BillLineIndexes.dropForBulkInsert(db, fileBytes: stamp.bytes, gzip: gzip)
                // The page cache: while the indexes are kept, 8 MiB (SQLite's default is 2 MiB) keeps their hot
                // pages in memory as millions of rows go in; when they are built at the end, rows only append and
                // SQLite's 2 MiB default serves (the index sort's memory follows this size too), keeping the import
                // within its 64 MiB.
                try db.execute(sql: "PRAGMA cache_size = \(deferred.isEmpty ? -8192 : -2048)")
                let writer = try BillLineWriter(db)
                let pipeline = BillRowPipeline(
                    records: records, reader: reader, path: path, fileBytes: stamp.bytes, progress: progress)
                do {
                    while let batch = try pipeline.next() { try writer.insert(batch, fileId: fileId) }
                } catch {
                    pipeline.cancel()
                    throw error
                }
                rows = pipeline.rows
                aws = pipeline.awsRows
                for sql in deferred { try db.execute(sql: sql) }
                let hash = records.hash.hex
                let size = records.bytesRead
                let seen = try Int64.fetchOne(
                    db, sql: "SELECT id FROM bill_file WHERE content_hash = ? AND content_size = ?",
                    arguments: [hash, size])
                if seen != nil { throw AlreadyImported() }
                try db.execute(
                    sql:
                        "UPDATE bill_file SET content_hash = ?, content_size = ?, row_count = ?, aws_rows = ? WHERE id = ?",
                    arguments: [hash, size, rows, aws, fileId])
            }
        } catch is AlreadyImported {
            return ImportedBill(
                file: path, format: reader.format, gzip: gzip, rows: rows, awsRows: aws, added: false)
        }
        return ImportedBill(file: path, format: reader.format, gzip: gzip, rows: rows, awsRows: aws, added: true)
    }
}

/// The secondary indexes of `bill_line` (window, account, tags) during a large import. Inserting a row
/// into three B-trees costs a seek in each; building an index once after the rows are in is one sort. So when the
/// file is large next to what the store holds, the import drops them inside its transaction and creates them again
/// from their own stored `CREATE INDEX` text before it commits: the schema after the import is the one before it,
/// a failed or killed import rolls the drop back, and readers (WAL) see the old indexes until the commit.
enum BillLineIndexes {
    /// Decompressed bytes per bill row assumed when guessing a file's rows: 2 KiB (FOCUS rows of the shipped
    /// sample are about 750 bytes, CUR 2.0 rows 1–3 KB; too high a guess only keeps the indexes for a smaller file).
    static let assumedRowBytes: Int64 = 2048
    /// Decompressed bytes per gzip byte assumed for the guess: 10 (CSV exports compress 10–30×, `BillLimits`).
    static let assumedGzipRatio: Int64 = 10

    /// Drops the indexes when the store holds no more rows than the file is guessed to add (rebuilding them then
    /// sorts at most twice the new rows), and returns the statements that create them again; else drops nothing.
    static func dropForBulkInsert(_ db: Database, fileBytes: Int64, gzip: Bool) throws -> [String] {
        guard try worthRebuilding(db, fileBytes: fileBytes, gzip: gzip) else { return [] }
        let indexes = try Row.fetchAll(
            db,
            sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = 'bill_line' AND sql IS NOT NULL ORDER BY name
                """)
        var create: [String] = []
        for index in indexes {
            let name: String = index["name"]
            try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)")
            create.append(index["sql"])
        }
        return create
    }

    /// True when the store holds no more rows than a file of `fileBytes` on disk is guessed to add.
    static func worthRebuilding(_ db: Database, fileBytes: Int64, gzip: Bool) throws -> Bool {
        let stored = try Int64.fetchOne(db, sql: "SELECT coalesce(sum(row_count), 0) FROM bill_file") ?? 0
        return stored <= fileBytes * (gzip ? assumedGzipRatio : 1) / assumedRowBytes
    }
}
