import Foundation
import GRDB

/// What `pricing fetch` remembers about one URL it downloaded completely (table `fetch_state`): the validators for
/// a conditional request next time and, for the small index documents, the body to reuse on `304 Not Modified`.
public struct FetchState: Sendable, Equatable {
    public var url: String
    /// The `ETag` header, sent back as `If-None-Match`; empty when the server sent none.
    public var etag: String
    /// The `Last-Modified` header, sent back as `If-Modified-Since`; empty when the server sent none.
    public var lastModified: String
    public var contentSize: Int
    /// The body of an index document; nil for a regional price file (it is imported, not kept).
    public var body: Data?
    public var fetchedAt: String

    public init(
        url: String, etag: String, lastModified: String, contentSize: Int, body: Data? = nil, fetchedAt: String
    ) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.contentSize = contentSize
        self.body = body
        self.fetchedAt = fetchedAt
    }
}

extension TacoDatabase {
    /// The remembered state of `url`, or nil when it was never fetched completely.
    public func fetchState(url: String) throws -> FetchState? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM fetch_state WHERE url = ?", arguments: [url]).map { row in
                FetchState(
                    url: row["url"], etag: row["etag"], lastModified: row["last_modified"],
                    contentSize: row["content_size"], body: row["body"], fetchedAt: row["fetched_at"])
            }
        }
    }

    /// Remembers an index document (its own small transaction: it holds no price).
    public func saveFetchState(_ state: FetchState) throws {
        try writeTransaction { db in try Self.save(state, db) }
    }

    static func save(_ state: FetchState, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO fetch_state (url, etag, last_modified, content_size, body, fetched_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [state.url, state.etag, state.lastModified, state.contentSize, state.body, state.fetchedAt])
    }
}
