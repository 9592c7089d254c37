/// The baseline programs the import benchmark compares against, written the straightforward way.
enum BaselineScripts {
    /// Python `csv` + `sqlite3`: the same filter as tacoplan (EC2 Linux, Shared, NA, Used, No License required,
    /// hourly on-demand or reserved), inserting kept rows in one transaction.
    static let python = #"""
        import csv, sqlite3, sys
        path, db = sys.argv[1], sys.argv[2]
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE price (service, region, product, engine_os, purchase_option, unit, usd, effective_from, sku, UNIQUE (region, product, purchase_option, unit, effective_from))")
        with open(path, newline="") as f:
            r = csv.reader(f)
            for _ in range(5):
                next(r)
            h = {name: i for i, name in enumerate(next(r))}
            tt, pf, os_, ten, cap, sw, lic, unit, price, it, rc, eff, sku = (h[n] for n in (
                "TermType", "Product Family", "Operating System", "Tenancy", "CapacityStatus", "Pre Installed S/W",
                "License Model", "Unit", "PricePerUnit", "Instance Type", "Region Code", "EffectiveDate", "SKU"))
            lease, po, oc = h["LeaseContractLength"], h["PurchaseOption"], h["OfferingClass"]
            rows = []
            for row in r:
                if row[tt] not in ("OnDemand", "Reserved") or row[pf] != "Compute Instance" or row[os_] != "Linux" \
                        or row[ten] != "Shared" or row[cap] not in ("Used", "") or row[sw] not in ("NA", "") \
                        or row[lic] not in ("No License required", "") or row[unit] not in ("Hrs", "Quantity"):
                    continue
                option = "on-demand" if row[tt] == "OnDemand" else "-".join(
                    ["reserved", row[lease], row[po].lower().replace(" ", "-"), row[oc]])
                rows.append(("ec2", row[rc], row[it], "linux", option, "hour" if row[unit] == "Hrs" else "upfront",
                             row[price], row[eff][:10], row[sku]))
        with con:
            con.executemany("INSERT OR IGNORE INTO price VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        print(len(rows), "kept")
        """#

    /// DuckDB `read_csv` with the same filter, counting the kept rows.
    static let duckdb = #"""
        import duckdb, sys
        con = duckdb.connect()
        n = con.execute("""
            SELECT count(*) FROM read_csv(?, skip=5, header=true, all_varchar=true)
            WHERE TermType IN ('OnDemand', 'Reserved') AND "Product Family" = 'Compute Instance'
              AND "Operating System" = 'Linux' AND Tenancy = 'Shared' AND coalesce(CapacityStatus, '') IN ('Used', '')
              AND coalesce("Pre Installed S/W", '') IN ('NA', '') AND coalesce("License Model", '') IN ('No License required', '')
              AND Unit IN ('Hrs', 'Quantity')
            """, [sys.argv[1]]).fetchone()[0]
        print(n, "kept")
        """#

    /// DuckDB `read_csv` of a FOCUS bill into a table of an on-disk database, then Σ BilledCost by provider.
    static let duckdbBill = #"""
        import duckdb, sys
        con = duckdb.connect(sys.argv[2])
        con.execute("CREATE TABLE bill AS SELECT * FROM read_csv(?, nullstr = 'NULL')", [sys.argv[1]])
        print(con.execute("SELECT ProviderName, sum(BilledCost) FROM bill GROUP BY 1 ORDER BY 1").fetchall())
        """#
}
