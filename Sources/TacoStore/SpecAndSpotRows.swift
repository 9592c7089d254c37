import GRDB

/// One `instance_spec` row. Baseline and burst bandwidth are nil when the source does not state them
/// (AWS price lists print "Up to 12500 Megabit", a burst figure only).
public struct SpecRow: Sendable, Hashable {
    public var service: String
    public var product: String
    public var architecture: String
    public var vcpu: Int
    public var memoryGiB: Double
    public var baselineGbps: Double?
    public var burstGbps: Double?
    public var enhancedIO: String
    public var source: String
    /// `bundled` for the shipped book, `aws-price-list` for imports.
    public var confidence: String
}

/// One `spot_advice` row: a Spot Advisor entry for one region, OS and type on the day it was captured.
public struct SpotRow: Sendable, Hashable {
    public var region: String
    /// `linux` or `windows`.
    public var os: String
    public var instanceType: String
    public var savingsPercent: Int
    /// Index 0–4 into the advisor's `ranges`.
    public var bucket: Int
    /// The snapshot's real upper bound for the bucket (5, 11, 16, 22, 100), when known.
    public var bucketMaxPercent: Int?
    public var capturedOn: String
    public var source: String
}

/// Prepared inserts for specs and Spot advice (`INSERT OR IGNORE`, so reloading is a no-op).
struct SpecAndSpotInserter {
    private let db: Database
    private let spec: Statement
    private let spot: Statement

    init(_ db: Database) throws {
        self.db = db
        spec = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO instance_spec (service, product, architecture, vcpu, memory_gib, baseline_gbps,
                    burst_gbps, enhanced_io, source, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        spot = try db.makeStatement(
            sql: """
                INSERT OR IGNORE INTO spot_advice (region, os, instance_type, savings_pct, interruption_bucket,
                    bucket_max_pct, captured_on, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    @discardableResult
    func insert(_ row: SpecRow) throws -> Bool {
        try spec.execute(arguments: [
            row.service, row.product, row.architecture, row.vcpu, row.memoryGiB, row.baselineGbps, row.burstGbps,
            row.enhancedIO, row.source, row.confidence,
        ])
        return db.changesCount > 0
    }

    @discardableResult
    func insert(_ row: SpotRow) throws -> Bool {
        try spot.execute(arguments: [
            row.region, row.os, row.instanceType, row.savingsPercent, row.bucket, row.bucketMaxPercent,
            row.capturedOn, row.source,
        ])
        return db.changesCount > 0
    }
}
