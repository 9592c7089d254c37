import TacoStore

/// An open database and the file it is, so every later error can name it.
public struct AppDatabase: Sendable {
    public let path: String
    public let access: DatabaseAccess
    let store: TacoDatabase

    /// Runs `body` on the store, turning any error into exit 4 naming the file.
    public func run<T>(_ body: (TacoDatabase) throws -> T) throws(AppFailure) -> T {
        do {
            return try body(store)
        } catch let failure as AppFailure {
            throw failure
        } catch {
            throw AppFailure.database(path, error)
        }
    }
}
