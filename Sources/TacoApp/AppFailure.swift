import Foundation
import TacoCore
import TacoStore

/// The one failure every use case throws: the sentences to print on stderr and the documented exit code.
/// The CLI prints `lines` and exits with `status.rawValue`; nothing else decides an exit code.
public struct AppFailure: Error, Sendable, CustomStringConvertible {
    public var status: ExitStatus
    /// The problems, as values a renderer can format; empty for a failure told only in `more` lines.
    public var diagnostics: [Diagnostic]
    /// Further lines after the diagnostics (a verdict's reasons, a list of known names).
    public var more: [String]

    public init(_ status: ExitStatus, _ lines: [String]) {
        self.status = status
        self.diagnostics = []
        self.more = lines
    }

    /// A failure told by one diagnostic, then any further lines.
    public init(_ status: ExitStatus, _ diagnostic: Diagnostic, then more: [String] = []) {
        self.init(status, [diagnostic], then: more)
    }

    /// A failure told by diagnostics, then any further lines.
    public init(_ status: ExitStatus, _ diagnostics: [Diagnostic], then more: [String] = []) {
        self.status = status
        self.diagnostics = diagnostics
        self.more = more
    }

    /// The terminal text: each diagnostic's lines ("…: error: …" and "    fix: …", `Diagnostic.lines`), then `more`.
    public var lines: [String] { diagnostics.flatMap(\.lines) + more }

    public var description: String { lines.joined(separator: "\n") }

    public static func input(_ lines: [String]) -> AppFailure { AppFailure(.invalidInput, lines) }
    public static func input(_ diagnostic: Diagnostic) -> AppFailure { AppFailure(.invalidInput, diagnostic) }
    public static func pricing(_ lines: [String]) -> AppFailure { AppFailure(.pricingMissing, lines) }
    public static func pricing(_ diagnostic: Diagnostic) -> AppFailure { AppFailure(.pricingMissing, diagnostic) }

    /// A database failure always names the database file and says which problem it is (locked, permission
    /// denied, not a database, damaged with `integrity_check`'s first line): one message and exit 4 from every
    /// command (`DatabaseProblem`).
    public static func database(_ path: String, _ error: any Error) -> AppFailure {
        let problem = DatabaseProblem.classify(error, path: path)
        let ns = error as NSError
        if case .other = problem, ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
            // A file-system failure before SQLite opened anything (its folder cannot be created): say which path.
            let at = (ns.userInfo[NSFilePathErrorKey] as? String).map { " (\($0))" } ?? ""
            return AppFailure(
                .database,
                .file(
                    path, "cannot create or open the database file\(at): \(FileErrorText.describe(error))",
                    fix: "pass --db PATH naming a file in a directory you can write, or create the directory"))
        }
        return AppFailure(.database, .file(path, problem.reason, fix: problem.fix(path)))
    }

    /// `error` as a database failure when it came from SQLite or the store's open checks, else nil.
    public static func databaseIfStore(_ path: String, _ error: any Error) -> AppFailure? {
        DatabaseProblem.isStoreError(error) ? database(path, error) : nil
    }

    /// Runs `body`, passing an `AppFailure` through and turning any other error into invalid input (exit 2) with
    /// its description: the boundary that makes every use case throw only `AppFailure`.
    public static func boundary<T>(_ body: () throws -> T) throws(AppFailure) -> T {
        do {
            return try body()
        } catch let failure as AppFailure {
            throw failure
        } catch {
            let ns = error as NSError
            let why =
                ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain
                ? FileErrorText.describe(error) : "\(error)"
            throw AppFailure.input(["error: \(why)"])
        }
    }
}
