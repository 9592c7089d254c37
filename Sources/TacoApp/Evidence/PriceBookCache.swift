import Foundation
import TacoCore

/// The price books one run has read, by region and as-of day, with the list of regions. A run is one thread; the
/// lock only makes the reference type honestly `Sendable`.
final class PriceBookCache: @unchecked Sendable {
    private var books: [String: (PriceBook, [String])] = [:]
    private let lock = NSLock()

    func book(region: String, asOf: Day, read: () throws(AppFailure) -> (PriceBook, [String])) throws(AppFailure)
        -> (PriceBook, [String])
    {
        let key = "\(region) \(asOf)"
        if let hit = lock.withLock({ books[key] }) { return hit }
        let value = try read()
        lock.withLock { books[key] = value }
        return value
    }
}
