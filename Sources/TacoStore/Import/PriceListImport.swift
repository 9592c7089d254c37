import GRDB

extension TacoDatabase {
    /// Imports AWS price-list files in ONE transaction: either every file's rows are stored, or (on any error, or
    /// if the process is killed) none are. Rows already present are ignored, so importing a file twice changes
    /// nothing. Waits for a concurrent import to finish (busy timeout) instead of failing.
    /// Files that are not price lists, or price lists the planner does not use, are reported as skipped.
    public func importPriceLists(paths: [String], options: ImportOptions) throws -> [ImportReport] {
        try writeTransaction { db in
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
                let report = try Self.importFile(chunks, path: path, session: session)
                reports.append(report)
                guard report.skipped == nil else { continue }
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
