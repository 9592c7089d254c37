import GRDB

/// The database schema as named migrations. A landed migration is never edited: add a new one instead.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 price book") { db in
            // One price per key, day, source and zone. `usd` is TEXT so the decimal stays exact.
            // Re-importing a row is `INSERT OR IGNORE` against the UNIQUE constraint, hence a no-op.
            try db.execute(
                sql: """
                    CREATE TABLE price (
                        id INTEGER PRIMARY KEY,
                        service TEXT NOT NULL,
                        region TEXT NOT NULL,
                        product TEXT NOT NULL,
                        engine_os TEXT NOT NULL,
                        purchase_option TEXT NOT NULL,
                        unit TEXT NOT NULL,
                        usd TEXT NOT NULL,
                        effective_from TEXT NOT NULL,
                        source TEXT NOT NULL,
                        confidence TEXT NOT NULL,
                        source_file TEXT NOT NULL DEFAULT '',
                        publication TEXT NOT NULL DEFAULT '',
                        version TEXT NOT NULL DEFAULT '',
                        sku TEXT NOT NULL DEFAULT '',
                        term TEXT NOT NULL DEFAULT 'OnDemand',
                        lease_length TEXT NOT NULL DEFAULT '',
                        reserved_purchase_option TEXT NOT NULL DEFAULT '',
                        offering_class TEXT NOT NULL DEFAULT '',
                        zone TEXT NOT NULL DEFAULT '',
                        note TEXT NOT NULL DEFAULT '',
                        UNIQUE (service, region, product, engine_os, purchase_option, unit, effective_from, source, zone)
                    );
                    CREATE INDEX price_by_region ON price (region, service);
                    CREATE INDEX price_by_product ON price (product);
                    CREATE TABLE instance_spec (
                        service TEXT NOT NULL,
                        product TEXT NOT NULL,
                        architecture TEXT NOT NULL,
                        vcpu INTEGER NOT NULL,
                        memory_gib REAL NOT NULL,
                        baseline_gbps REAL,
                        burst_gbps REAL,
                        enhanced_io TEXT NOT NULL,
                        source TEXT NOT NULL,
                        confidence TEXT NOT NULL,
                        PRIMARY KEY (service, product, source)
                    );
                    CREATE TABLE spot_advice (
                        region TEXT NOT NULL,
                        os TEXT NOT NULL,
                        instance_type TEXT NOT NULL,
                        savings_pct INTEGER NOT NULL,
                        interruption_bucket INTEGER NOT NULL,
                        bucket_max_pct INTEGER,
                        captured_on TEXT NOT NULL,
                        source TEXT NOT NULL,
                        UNIQUE (region, os, instance_type, captured_on, source)
                    );
                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        migrator.registerMigration("v1 import and plan runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE import_run (
                        id INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        content_size INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        format TEXT NOT NULL,
                        offer TEXT NOT NULL DEFAULT '',
                        publication TEXT NOT NULL DEFAULT '',
                        version TEXT NOT NULL DEFAULT '',
                        rows_seen INTEGER NOT NULL,
                        rows_kept INTEGER NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT NOT NULL
                    );
                    CREATE TABLE plan_run (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL,
                        file TEXT NOT NULL,
                        text_hash TEXT NOT NULL,
                        text TEXT NOT NULL,
                        loaded_at TEXT NOT NULL,
                        UNIQUE (file, text_hash)
                    );
                    """)
        }
        migrator.registerMigration("v2 benchmark runs") { db in
            // One row per ingested load-test file; the same bytes (hash and size) are one run whatever the path, so
            // ingesting a file twice is `INSERT OR IGNORE` against the UNIQUE key, hence a no-op.
            try db.execute(
                sql: """
                    CREATE TABLE benchmark_run (
                        id INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        content_size INTEGER NOT NULL,
                        content_hash TEXT NOT NULL,
                        format TEXT NOT NULL,
                        shape TEXT NOT NULL,
                        warnings TEXT NOT NULL DEFAULT '',
                        created_at TEXT,
                        ingested_at TEXT NOT NULL,
                        UNIQUE (content_hash, content_size)
                    );
                    CREATE TABLE benchmark_step (
                        run_id INTEGER NOT NULL REFERENCES benchmark_run(id) ON DELETE CASCADE,
                        step_index INTEGER NOT NULL,
                        rps REAL NOT NULL,
                        vus REAL,
                        redis_engine_cpu REAL,
                        gateway_cpu REAL,
                        backend_cpu REAL,
                        pods REAL,
                        error_rate REAL,
                        extra TEXT NOT NULL DEFAULT '{}',
                        UNIQUE (run_id, step_index)
                    );
                    """)
        }
        registerBillMigration(&migrator)
        migrator.registerMigration("v3 documented price start") { db in
            // 1 when a price's effective_from is the documented day it started (an AWS announcement), 0 when it is
            // only the earliest evidence found for it (Docs/Pricing.md "Effective dates").
            try db.execute(sql: "ALTER TABLE price ADD COLUMN start_documented INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v4 price list fetch validators") { db in
            // One row per URL `pricing fetch` downloaded completely: the validators for a conditional request next
            // time (ETag → If-None-Match, Last-Modified → If-Modified-Since), the size, and for the small index
            // documents their body, reused when the server answers 304 Not Modified.
            try db.execute(
                sql: """
                    CREATE TABLE fetch_state (
                        url TEXT PRIMARY KEY,
                        etag TEXT NOT NULL DEFAULT '',
                        last_modified TEXT NOT NULL DEFAULT '',
                        content_size INTEGER NOT NULL,
                        body BLOB,
                        fetched_at TEXT NOT NULL
                    );
                    """)
        }
        registerCompactBillMigration(&migrator)
        migrator.registerMigration("v5 plan run as-of day") { db in
            // `loaded_at` is the clock's time the plan was loaded; the day its prices were read as of has its own
            // column. Earlier rows stored that day in `loaded_at` (a bare YYYY-MM-DD, no time): it moves here.
            try db.execute(sql: "ALTER TABLE plan_run ADD COLUMN as_of TEXT")
            try db.execute(sql: "UPDATE plan_run SET as_of = loaded_at WHERE length(loaded_at) = 10")
        }
        registerBillRowidMigration(&migrator)
        registerBillServiceIndexMigration(&migrator)
        return migrator
    }
}

extension Schema {
    /// Throws `DatabaseOpenError.newerSchema` when the file at `path` carries a migration this binary does not
    /// register (GRDB's `appliedIdentifiers` minus the registered ones): a newer tacoplan changed the schema, and
    /// reading or migrating it with this one could misread or damage it.
    static func refuseNewer(_ writer: any DatabaseWriter, path: String) throws {
        let registered = Set(migrator.migrations)
        let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
        let unknown = applied.subtracting(registered).sorted()
        if !unknown.isEmpty { throw DatabaseOpenError.newerSchema(path, unknown: unknown) }
    }
}
