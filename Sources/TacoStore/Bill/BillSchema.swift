import GRDB

extension Schema {
    /// The billed rows of imported FOCUS / CUR 2.0 exports. Costs and quantities are TEXT so every
    /// decimal stays exact; periods are UTC epoch seconds. A file is identified by the hash and size of its
    /// decompressed content, so importing it again (plain or gzip, any path) is a no-op.
    static func registerBillMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("billed rows from FOCUS and CUR 2.0 exports (issue 15)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bill_file (
                        id INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        format TEXT NOT NULL,
                        gzip INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        content_size INTEGER NOT NULL,
                        row_count INTEGER NOT NULL,
                        imported_at TEXT NOT NULL,
                        UNIQUE (content_hash, content_size)
                    );
                    CREATE TABLE bill_row (
                        file_id INTEGER NOT NULL REFERENCES bill_file(id) ON DELETE CASCADE,
                        line INTEGER NOT NULL,
                        provider TEXT NOT NULL,
                        account_id TEXT NOT NULL,
                        account_name TEXT,
                        sub_account_id TEXT,
                        currency TEXT NOT NULL,
                        billed_cost TEXT NOT NULL,
                        effective_cost TEXT,
                        list_cost TEXT,
                        charge_start INTEGER NOT NULL,
                        charge_end INTEGER NOT NULL,
                        charge_category TEXT NOT NULL,
                        charge_class TEXT,
                        charge_description TEXT,
                        service_name TEXT NOT NULL,
                        service_code TEXT,
                        region_id TEXT,
                        pricing_category TEXT,
                        commitment_type TEXT,
                        commitment_id TEXT,
                        consumed_quantity TEXT,
                        consumed_unit TEXT,
                        pricing_quantity TEXT,
                        pricing_unit TEXT,
                        sku_price_id TEXT,
                        resource_id TEXT,
                        usage_type TEXT,
                        instance_type TEXT,
                        tags TEXT NOT NULL DEFAULT '{}',
                        extra TEXT NOT NULL DEFAULT '{}',
                        PRIMARY KEY (file_id, line)
                    );
                    CREATE INDEX bill_row_by_start ON bill_row (charge_start);
                    """)
        }
    }
}

extension Schema {
    /// The compact bill store: every repeated string of a bill (provider, account, service, usage type,
    /// region, description, SKU, resource, units, tags…) is stored once in `bill_text` and referenced by id; each
    /// amount is one INTEGER (`BillAmount.packed`: units × 32 + scale, exact and summable in SQL per scale) or, past
    /// 58 bits of digits, its exact text. Indexes serve reconcile's window, account, tag and service filters.
    /// `bill_file` gains the file's path, on-disk size and modification time, so importing an unchanged file again
    /// is recognised before it is read. Rows of earlier imports are moved over; the provider's extra columns they
    /// carried (`extra`) are not: the export itself stays the record of those (Docs/Billing.md).
    static func registerCompactBillMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("compact bill store (issue 21)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bill_text (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
                    CREATE TABLE bill_line (
                        file_id INTEGER NOT NULL REFERENCES bill_file(id) ON DELETE CASCADE,
                        line INTEGER NOT NULL,
                        charge_start INTEGER NOT NULL,
                        charge_end INTEGER NOT NULL,
                        provider INTEGER NOT NULL,
                        account INTEGER NOT NULL,
                        account_name INTEGER,
                        sub_account INTEGER,
                        currency INTEGER NOT NULL,
                        billed_cost NOT NULL,
                        effective_cost,
                        list_cost,
                        charge_category INTEGER NOT NULL,
                        charge_class INTEGER,
                        charge_description INTEGER,
                        service_name INTEGER NOT NULL,
                        service_code INTEGER,
                        region INTEGER,
                        pricing_category INTEGER,
                        commitment_type INTEGER,
                        commitment_id INTEGER,
                        consumed_quantity,
                        consumed_unit INTEGER,
                        pricing_quantity,
                        pricing_unit INTEGER,
                        sku_price_id INTEGER,
                        resource_id INTEGER,
                        usage_type INTEGER,
                        instance_type INTEGER,
                        tags INTEGER NOT NULL,
                        PRIMARY KEY (file_id, line)
                    ) WITHOUT ROWID;
                    CREATE INDEX bill_line_by_start ON bill_line (charge_start);
                    CREATE INDEX bill_line_by_account ON bill_line (account);
                    CREATE INDEX bill_line_by_tags ON bill_line (tags);
                    CREATE INDEX bill_line_by_service ON bill_line (service_name);
                    ALTER TABLE bill_file ADD COLUMN file_path TEXT NOT NULL DEFAULT '';
                    ALTER TABLE bill_file ADD COLUMN file_bytes INTEGER NOT NULL DEFAULT -1;
                    ALTER TABLE bill_file ADD COLUMN file_mtime TEXT NOT NULL DEFAULT '';
                    ALTER TABLE bill_file ADD COLUMN aws_rows INTEGER NOT NULL DEFAULT 0;
                    """)
            let writer = try BillLineWriter(db)
            let old = try Row.fetchCursor(db, sql: "SELECT * FROM bill_row ORDER BY file_id, line")
            while let row = try old.next() {
                try writer.insert(try BillRowStore.readV1(row), fileId: row["file_id"])
            }
            try db.execute(
                sql: """
                    UPDATE bill_file SET aws_rows = (SELECT COUNT(*) FROM bill_line JOIN bill_text ON bill_text.id = bill_line.provider
                        WHERE bill_line.file_id = bill_file.id AND (lower(bill_text.text) = 'aws' OR lower(bill_text.text) LIKE 'amazon web services%'));
                    DROP TABLE bill_row;
                    """)
        }
    }
}

extension Schema {
    /// `bill_line` as a rowid table: rows are appended in file order under SQLite's own integer key instead of a
    /// `WITHOUT ROWID` B-tree keyed by (file_id, line), so an insert is an append to the rightmost page with no key
    /// comparison, and each secondary index entry carries one integer instead of two. (file_id, line) stays unique
    /// by construction: one import writes one file's lines once, in order. Same columns, same four indexes; the rows
    /// are copied over in (file_id, line) order.
    static func registerBillRowidMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("bill lines in a rowid table (issue 21 import speed)") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bill_line_rowid (
                        file_id INTEGER NOT NULL REFERENCES bill_file(id) ON DELETE CASCADE,
                        line INTEGER NOT NULL,
                        charge_start INTEGER NOT NULL,
                        charge_end INTEGER NOT NULL,
                        provider INTEGER NOT NULL,
                        account INTEGER NOT NULL,
                        account_name INTEGER,
                        sub_account INTEGER,
                        currency INTEGER NOT NULL,
                        billed_cost NOT NULL,
                        effective_cost,
                        list_cost,
                        charge_category INTEGER NOT NULL,
                        charge_class INTEGER,
                        charge_description INTEGER,
                        service_name INTEGER NOT NULL,
                        service_code INTEGER,
                        region INTEGER,
                        pricing_category INTEGER,
                        commitment_type INTEGER,
                        commitment_id INTEGER,
                        consumed_quantity,
                        consumed_unit INTEGER,
                        pricing_quantity,
                        pricing_unit INTEGER,
                        sku_price_id INTEGER,
                        resource_id INTEGER,
                        usage_type INTEGER,
                        instance_type INTEGER,
                        tags INTEGER NOT NULL
                    );
                    INSERT INTO bill_line_rowid SELECT
                        file_id, line, charge_start, charge_end, provider, account, account_name, sub_account, currency,
                        billed_cost, effective_cost, list_cost, charge_category, charge_class, charge_description,
                        service_name, service_code, region, pricing_category, commitment_type, commitment_id,
                        consumed_quantity, consumed_unit, pricing_quantity, pricing_unit, sku_price_id, resource_id,
                        usage_type, instance_type, tags
                    FROM bill_line ORDER BY file_id, line;
                    DROP TABLE bill_line;
                    ALTER TABLE bill_line_rowid RENAME TO bill_line;
                    CREATE INDEX bill_line_by_start ON bill_line (charge_start);
                    CREATE INDEX bill_line_by_account ON bill_line (account);
                    CREATE INDEX bill_line_by_tags ON bill_line (tags);
                    CREATE INDEX bill_line_by_service ON bill_line (service_name);
                    """)
        }
    }
}

extension Schema {
    /// Drops `bill_line_by_service`: no query reads bill lines by service (a reconcile reads every row of its window
    /// and sums per charge, service included, in one pass; `bill list` reads every row), and building that index
    /// cost an import about 0.3 s and 10 MiB per million rows (Docs/Performance.md). The window, account and tags
    /// indexes stay.
    static func registerBillServiceIndexMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("bill lines without the service index") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS bill_line_by_service")
        }
    }
}
