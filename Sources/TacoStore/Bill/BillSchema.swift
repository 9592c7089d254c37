import GRDB

extension Schema {
    /// The billed rows of imported FOCUS / CUR 2.0 exports (issue 15). Costs and quantities are TEXT so every
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
