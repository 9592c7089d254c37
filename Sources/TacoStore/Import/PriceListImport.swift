import GRDB
import TacoCore

extension TacoDatabase {
    /// Imports AWS price-list files in ONE transaction: either every file's rows are stored, or (on any error, or
    /// if the process is killed) none are. Rows already present are ignored, so importing a file twice changes
    /// nothing. Waits for a concurrent import to finish (busy timeout) instead of failing.
    /// Files that are not price lists, or price lists the planner does not use, are reported as skipped.
    public func importPriceLists(paths: [String], options: ImportOptions) throws -> [ImportReport] {
        try writeTransaction { db in try Self.importAll(db, paths: paths, options: options) }
    }

    /// Imports one downloaded file and remembers its validators in the SAME transaction, so a fetch whose import
    /// fails is downloaded again next time, and one whose import succeeded is asked for conditionally.
    public func importFetched(path: String, state: FetchState, options: ImportOptions) throws -> ImportReport {
        try writeTransaction { db in
            let reports = try Self.importAll(db, paths: [path], options: options)
            try Self.save(state, db)
            guard let report = reports.first else {
                throw StoreError.internalInconsistency("an import of one file returned no report")
            }
            return report
        }
    }

    static func importAll(_ db: Database, paths: [String], options: ImportOptions) throws -> [ImportReport] {
        do {
            let session = try ImportSession(db, options: options)
            var reports: [ImportReport] = []
            let record = try db.makeStatement(
                sql: """
                    INSERT INTO import_run (file_name, content_size, content_hash, format, offer, publication, version,
                        rows_seen, rows_kept, started_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for path in paths {
                session.reset()
                let started = options.now()
                let chunks = try FileChunks(path: path)
                var report = try Self.importFile(chunks, path: path, session: session)
                guard report.skipped == nil else {
                    reports.append(report)
                    continue
                }
                try Self.check(&report, session: session)
                reports.append(report)
                // Drain the rest so the recorded fingerprint covers the whole file (JSON readers may stop early).
                while !chunks.atEnd { _ = try chunks.refill(keepingFrom: chunks.count) }
                // The same bytes imported again add no price and no run record: a re-import changes nothing.
                let seen =
                    try Bool.fetchOne(
                        db, sql: "SELECT EXISTS(SELECT 1 FROM import_run WHERE content_hash = ? AND content_size = ?)",
                        arguments: [chunks.hash.hex, chunks.bytesRead]) ?? false
                if seen && report.rowsAdded == 0 { continue }
                try record.execute(arguments: [
                    Self.fileName(path), chunks.bytesRead, chunks.hash.hex, report.format, report.offer,
                    report.publication, report.version, report.rowsSeen, report.rowsKept, started, options.now(),
                ])
            }
            return reports
        }
    }

    /// The end-of-file rules: the rejection tally goes into the report; a price column holding only small whole
    /// numbers is mislabelled; a file with no usable price, or with rejected rows and no `acceptPartial`, fails (the
    /// caller's transaction then rolls back, so nothing of it is stored). Under `acceptPartial` the keys two rows
    /// priced differently are dropped.
    static func check(_ report: inout ImportReport, session: ImportSession) throws {
        if session.hourlyPrices > 0 && session.smallWholeHourlyPrices == session.hourlyPrices {
            throw PriceListError(
                file: report.file, line: nil,
                message: "every one of the \(session.hourlyPrices) hourly prices is a whole number from 1 to "
                    + "\(Int(ImportSession.smallWholeMax)): the PricePerUnit column looks swapped with or mislabelled "
                    + "as a count (vCPU, memory); check the header row")
        }
        if session.options.acceptPartial { try session.dropConflicts() }
        report.rowsKept = session.rowsKept
        report.rowsAdded = session.rowsAdded
        report.rejected = session.rejected
        report.rejectionExamples = session.examples
        if report.rowsKept == 0 {
            throw ImportRefusal(report: report, nothingUsable: true)
        }
        if report.rowsRejected > 0 && !session.options.acceptPartial {
            throw ImportRefusal(report: report, nothingUsable: false)
        }
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func importFile(_ chunks: FileChunks, path: String, session: ImportSession) throws -> ImportReport {
        let name = fileName(path)
        _ = try chunks.refill(keepingFrom: 0)
        guard let base = chunks.buffer.baseAddress else {
            throw PriceListError(file: name, line: nil, message: "cannot read the file")
        }
        let format: PriceListFormat
        if let forced = session.options.format {
            format = forced
        } else {
            switch PriceListFormat.detect(UnsafeRawBufferPointer(start: base, count: chunks.count)) {
            case .format(let detected): format = detected
            case .notAPriceList(let why): return ImportReport(file: name, format: "", skipped: why)
            case .unreadable(let why): throw PriceListError(file: name, line: nil, message: why)
            }
        }
        switch format {
        case .csv:
            return try BulkCSVImporter(chunks: chunks, session: session, fileName: name).run()
        case .offerJSON:
            return try OfferJSONImporter(chunks: chunks, session: session, fileName: name).run()
        case .getProducts, .spotAdvisor, .spotPriceHistory:
            let data = try WholeFile.read(chunks, fileName: name)
            return try SmallJSONImporter(session: session, fileName: name).run(format, data)
        }
    }
}
