import Foundation

/// The one failure every use case throws: the sentences to print on stderr and the documented exit code.
/// The CLI prints `lines` and exits with `status.rawValue`; nothing else decides an exit code.
public struct AppFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    public var lines: [String]

    public init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.lines = lines
    }

    public var description: String { lines.joined(separator: "\n") }

    public static func input(_ lines: [String]) -> AppFailure { AppFailure(.invalidInput, lines) }
    public static func pricing(_ lines: [String]) -> AppFailure { AppFailure(.pricingMissing, lines) }

    /// A database failure always names the database file (acceptance of issue 9).
    public static func database(_ path: String, _ error: any Error) -> AppFailure {
        // File-system errors (a parent that cannot be created) read best as their localized sentence; SQLite errors
        // from GRDB describe themselves.
        let ns = error as NSError
        let why = ns.domain == NSCocoaErrorDomain ? ns.localizedDescription : "\(error)"
        return AppFailure(
            .database,
            [
                "\(path): error: cannot open or use the database: \(why)",
                "    fix: pass --db PATH to use another file, or remove a damaged one",
            ])
    }

    /// Runs `body`, passing an `AppFailure` through and turning any other error into invalid input (exit 2) with
    /// its description: the boundary that makes every use case throw only `AppFailure`.
    public static func boundary<T>(_ body: () throws -> T) throws(AppFailure) -> T {
        do {
            return try body()
        } catch let failure as AppFailure {
            throw failure
        } catch {
            throw AppFailure.input(["error: \(error)"])
        }
    }
}
