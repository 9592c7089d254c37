import ArgumentParser
import Foundation
import TacoCore
import TacoData
import TacoStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tacoplan pricing fetch|import|list|show|coverage`: load official AWS price lists and inspect the price book.
struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Fetch or import AWS price lists and inspect the price book.",
        subcommands: [
            PricingFetch.self, PricingImport.self, PricingList.self, PricingShow.self, PricingCoverage.self,
        ])
}

/// `--db PATH`, shared by the pricing subcommands.
struct PricingDatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: "SQLite database file (default: $TACOPLAN_DB, else $XDG_DATA_HOME/tacoplan/tacoplan.sqlite).")
    var path: String?

    /// Opens the database (creating it and applying migrations) and makes sure the bundled price book is loaded.
    func open() throws -> TacoDatabase {
        let location = DatabaseLocation.resolve(option: path, environment: ProcessInfo.processInfo.environment)
        do {
            let db = try TacoDatabase.open(path: location)
            try db.loadBundled(
                prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
            return db
        } catch {
            throw PricingFailure.message("cannot open the database \(location): \(error)")
        }
    }
}

/// A failure already explained in words: printed to stderr, then exit status 2.
enum PricingFailure: Error {
    case message(String)

    /// Runs `body`, turning any error into a one-line message on stderr and `ExitCode(2)`.
    static func reported(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let failure as PricingFailure {
            if case .message(let text) = failure { Standard.error("error: \(text)") }
            throw ExitCode(2)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Standard.error("error: \(error)")
            throw ExitCode(2)
        }
    }
}

/// Writing to the standard streams, and the UTC calendar day.
enum Standard {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var errorIsTerminal: Bool { isatty(2) == 1 }

    /// Today's date in UTC.
    static func today() throws -> Day {
        let utc = TimeZone(identifier: "UTC") ?? .current
        let parts = Calendar(identifier: .gregorian).dateComponents(in: utc, from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let today = Day(year: year, month: month, day: day)
        else { throw PricingFailure.message("cannot read today's date from the system clock") }
        return today
    }

    /// The current time as ISO-8601 UTC text.
    static func now() -> String { ISO8601DateFormatter().string(from: Date()) }

    /// `--as-of` text to a day, with a message naming the option.
    static func day(_ text: String?, option: String) throws -> Day {
        guard let text else { return try today() }
        guard let day = Day(iso: text) else {
            throw PricingFailure.message("\(option) '\(text)' is not a YYYY-MM-DD date")
        }
        return day
    }
}
