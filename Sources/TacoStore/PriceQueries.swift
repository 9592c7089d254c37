import GRDB
import TacoCore

extension TacoDatabase {
    /// Row counts, engines, sources and newest effective date by region and service, for `pricing list`.
    public func regionServiceSummary() throws -> [RegionServiceSummary] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT region, service, COUNT(*) AS n, MAX(effective_from) AS newest,
                        COUNT(DISTINCT source) AS sources,
                        (SELECT GROUP_CONCAT(e, ',') FROM (SELECT DISTINCT engine_os AS e FROM price p
                            WHERE p.region = price.region AND p.service = price.service ORDER BY e)) AS engines,
                        (SELECT GROUP_CONCAT(c, ',') FROM (SELECT DISTINCT confidence AS c FROM price p
                            WHERE p.region = price.region AND p.service = price.service ORDER BY c)) AS confidences
                    FROM price GROUP BY region, service ORDER BY region, service
                    """
            ).map { row in
                let newestText: String = row["newest"] ?? ""
                guard let newest = Day(iso: newestText) else {
                    throw StoreError.badStoredValue(table: "price", column: "effective_from", value: newestText)
                }
                let engines: String = row["engines"] ?? ""
                let confidences: String = row["confidences"] ?? ""
                let region: String = row["region"] ?? ""
                let service: String = row["service"] ?? ""
                let rows: Int = row["n"] ?? 0
                let sources: Int = row["sources"] ?? 0
                return RegionServiceSummary(
                    region: region, service: service, newest: newest, rows: rows, sources: sources,
                    confidences: confidences.split(separator: ",").map(String.init),
                    engines: engines.split(separator: ",").map(String.init))
            }
        }
    }

    /// Everything the core needs to price a plan in `region`: ALL price rows of the region across dates (the
    /// core's `PriceSheet.quote` picks the one in force on `asOf`), all complete instance specs (bundled first),
    /// and the region's Linux Spot Advisor snapshot captured on or before `asOf` (the oldest one if none is).
    public func priceBook(region: String, asOf: Day) throws -> PriceBook {
        try writer.read { db in
            let quotes = try Row.fetchAll(
                db,
                sql: """
                    SELECT service, region, product, engine_os, purchase_option, unit, usd, effective_from, source,
                        confidence, start_documented FROM price WHERE region = ?
                    ORDER BY service, product, engine_os, purchase_option, unit, effective_from, source, zone
                    """, arguments: [region]
            ).map(Self.quote)
            let sheet = PriceSheet(region: region, asOf: asOf, quotes: quotes)
            return PriceBook(
                sheet: sheet, specs: try Self.specs(db), spot: try Self.spot(db, region: region, asOf: asOf))
        }
    }

    /// Every priced region, sorted: one with On-Demand or provisioned prices for EC2, ElastiCache, DynamoDB and EKS.
    public func regions() throws -> [String] {
        // A region counts as priced only with On-Demand or provisioned rows for every service a plan prices (EC2,
        // ElastiCache, DynamoDB, EKS); Spot price history alone never makes a region priced (Docs/Model.md §6.1).
        try writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT region FROM price WHERE purchase_option != 'spot' GROUP BY region
                    HAVING COUNT(DISTINCT service) = 4 ORDER BY region
                    """)
        }
    }

    /// Every stored price for one product (instance or node type, DynamoDB usage) in all regions and dates,
    /// for `pricing show TYPE`.
    public func prices(product: String) throws -> [PriceQuote] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT service, region, product, engine_os, purchase_option, unit, usd, effective_from, source,
                        confidence FROM price WHERE product = ?
                    ORDER BY region, service, engine_os, purchase_option, unit, effective_from, source, zone
                    """, arguments: [product]
            ).map(Self.quote)
        }
    }

    static func quote(_ row: Row) throws -> PriceQuote {
        let serviceText: String = row["service"] ?? ""
        guard let service = Service(rawValue: serviceText) else {
            throw StoreError.badStoredValue(table: "price", column: "service", value: serviceText)
        }
        let usdText: String = row["usd"] ?? ""
        // The price-book boundary: a negative price (written by hand or by an older tacoplan) never reaches an
        // estimate, so no estimate can print a negative cost.
        guard let usd = Money(string: usdText), !(usd < .zero) else {
            throw StoreError.badStoredValue(table: "price", column: "usd", value: usdText)
        }
        let dayText: String = row["effective_from"] ?? ""
        guard let day = Day(iso: dayText) else {
            throw StoreError.badStoredValue(table: "price", column: "effective_from", value: dayText)
        }
        let optionText: String = row["purchase_option"] ?? ""
        guard let option = PurchaseOption(rawValue: optionText) else {
            throw StoreError.badStoredValue(table: "price", column: "purchase_option", value: optionText)
        }
        let key = PriceKey(
            service: service, region: row["region"] ?? "", product: row["product"] ?? "",
            engineOS: row["engine_os"] ?? "", purchaseOption: option, unit: row["unit"] ?? "")
        var quote = PriceQuote(
            key: key, usd: usd, effectiveFrom: day, source: row["source"] ?? "", confidence: row["confidence"] ?? "")
        quote.startDocumented = (row["start_documented"] as Int?) == 1
        return quote
    }

    /// Every spec, the bundled row first so it wins over a less complete import. An imported spec whose network is
    /// "Up to …" has no baseline figure: it comes back as 0 Gbps, which the Redis sizing treats as "not checked".
    static func specs(_ db: Database) throws -> [InstanceSpec] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM instance_spec
                ORDER BY service, product, confidence != 'bundled', source
                """
        ).compactMap { row in
            let serviceText: String = row["service"] ?? ""
            let architectureText: String = row["architecture"] ?? ""
            guard let service = Service(rawValue: serviceText),
                let architecture = InstanceSpec.Architecture(rawValue: architectureText),
                let vcpu: Int = row["vcpu"], let memory: Double = row["memory_gib"]
            else { return nil }
            let baseline: Double = row["baseline_gbps"] ?? 0
            let burst: Double = row["burst_gbps"] ?? 0
            return InstanceSpec(
                service: service, product: row["product"] ?? "", architecture: architecture, vcpu: vcpu,
                memoryGiB: memory, baselineGbps: baseline, burstGbps: burst, enhancedIO: row["enhanced_io"] ?? "",
                source: row["source"] ?? "")
        }
    }

    /// The region's Linux Spot snapshot: newest captured on or before `asOf`, else the oldest one.
    static func spot(_ db: Database, region: String, asOf: Day) throws -> [SpotAdvice] {
        let day =
            try String.fetchOne(
                db,
                sql: "SELECT MAX(captured_on) FROM spot_advice WHERE region = ? AND os = 'linux' AND captured_on <= ?",
                arguments: [region, asOf.description])
            ?? String.fetchOne(
                db, sql: "SELECT MIN(captured_on) FROM spot_advice WHERE region = ? AND os = 'linux'",
                arguments: [region])
        guard let day else { return [] }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM spot_advice WHERE region = ? AND os = 'linux' AND captured_on = ?
                ORDER BY instance_type, source
                """, arguments: [region, day]
        ).compactMap { row in
            let bucketIndex: Int = row["interruption_bucket"] ?? -1
            let capturedText: String = row["captured_on"] ?? ""
            guard let bucket = InterruptionBucket(rawValue: bucketIndex), let captured = Day(iso: capturedText),
                let savings: Int = row["savings_pct"],
                // A row stored before savings were checked on import (200 % would make Spot negative) is not used.
                ValueRules.spotSavingsPercent.contains(savings)
            else { return nil }
            return SpotAdvice(
                region: region, instanceType: row["instance_type"] ?? "", savingsPercent: savings, bucket: bucket,
                capturedOn: captured, source: row["source"] ?? "")
        }
    }
}
