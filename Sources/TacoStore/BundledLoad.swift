import GRDB
import TacoCore

/// What `loadBundled` did.
public struct BundledLoadResult: Sendable, Equatable {
    /// False when the same bundled texts were already loaded (checked by fingerprint; nothing was read).
    public var loaded: Bool
    public var pricesAdded: Int
    public var specsAdded: Int
    public var spotAdded: Int
}

extension TacoDatabase {
    /// The `meta` key holding the fingerprint of the bundled texts last loaded.
    static let bundledHashKey = "bundled_price_book_hash"

    /// The Spot Advisor's real bucket upper bounds (`ranges[].max`), by bucket index.
    static let bucketMaxPercent = [5, 11, 16, 22, 100]

    /// Loads the bundled price book (the texts of `pricing/prices.csv`, `instance-specs.csv`, `spot-advisor.csv`)
    /// in one transaction. Idempotent: rows already present are ignored, and when the fingerprint of the three
    /// texts matches the last load the call returns at once. A parse error leaves the database unchanged.
    @discardableResult
    public func loadBundled(prices: String, specs: String, spot: String) throws -> BundledLoadResult {
        var hash = ContentHash()
        for text in [prices, "\u{1}", specs, "\u{1}", spot] { hash.update(text) }
        let fingerprint = hash.hex
        let stored = try writer.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [Self.bundledHashKey])
        }
        if stored == fingerprint {
            return BundledLoadResult(loaded: false, pricesAdded: 0, specsAdded: 0, spotAdded: 0)
        }

        let quotes = try BundledPriceBook.prices(csv: prices)
        let specRows = try BundledPriceBook.specs(csv: specs)
        let advice = try BundledPriceBook.spotAdvice(csv: spot)
        return try writeTransaction { db in
            let priceInserter = try PriceInserter(db)
            let others = try SpecAndSpotInserter(db)
            var result = BundledLoadResult(loaded: true, pricesAdded: 0, specsAdded: 0, spotAdded: 0)
            for quote in quotes where try priceInserter.insert(Self.row(quote)) { result.pricesAdded += 1 }
            for spec in specRows where try others.insert(Self.row(spec)) { result.specsAdded += 1 }
            for entry in advice where try others.insert(Self.row(entry)) { result.spotAdded += 1 }
            try db.execute(
                sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                arguments: [Self.bundledHashKey, fingerprint])
            return result
        }
    }

    static func row(_ quote: PriceQuote) -> PriceRow {
        var row = PriceRow(
            service: quote.key.service.rawValue, region: quote.key.region, product: quote.key.product,
            engineOS: quote.key.engineOS, purchaseOption: quote.key.purchaseOption.rawValue, unit: quote.key.unit,
            usd: quote.usd.description, effectiveFrom: quote.effectiveFrom.description, source: quote.source,
            confidence: quote.confidence)
        row.startDocumented = quote.startDocumented
        return row
    }

    static func row(_ spec: InstanceSpec) -> SpecRow {
        SpecRow(
            service: spec.service.rawValue, product: spec.product, architecture: spec.architecture.rawValue,
            vcpu: spec.vcpu, memoryGiB: spec.memoryGiB, baselineGbps: spec.baselineGbps, burstGbps: spec.burstGbps,
            enhancedIO: spec.enhancedIO, source: spec.source, confidence: "bundled")
    }

    static func row(_ advice: SpotAdvice) -> SpotRow {
        SpotRow(
            region: advice.region, os: "linux", instanceType: advice.instanceType,
            savingsPercent: advice.savingsPercent, bucket: advice.bucket.rawValue,
            bucketMaxPercent: bucketMaxPercent[advice.bucket.rawValue], capturedOn: advice.capturedOn.description,
            source: advice.source)
    }
}
