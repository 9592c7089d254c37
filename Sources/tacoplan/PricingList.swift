import ArgumentParser
import Foundation
import TacoCore
import TacoStore

/// `tacoplan pricing list`: what the price book holds, by service, region, engine/OS and source, and how stale it is.
struct PricingList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Summarise the price book and warn about stale regions.")

    @OptionGroup var database: PricingDatabaseOptions

    @Option(help: "Warn when a region's newest price is older than this many days.")
    var staleAfterDays = 365

    @Option(help: "The day staleness is measured from (YYYY-MM-DD; default today).")
    var asOf: String?

    func run() throws {
        try PricingFailure.reported {
            let db = try database.openForReading()
            let today = try Standard.day(asOf, option: "--as-of")
            let summary = try db.priceSummary()
            print("service      region          engine/os         newest      rows  source")
            for line in summary {
                print(
                    Self.pad(line.service, 12) + " " + Self.pad(line.region, 15) + " " + Self.pad(line.engineOS, 17)
                        + " \(line.newestEffective)  " + Self.pad(String(line.rows), 4, right: true)
                        + "  \(line.source)")
            }
            var newestByRegion: [String: Day] = [:]
            for line in summary {
                newestByRegion[line.region] = max(
                    newestByRegion[line.region] ?? line.newestEffective, line.newestEffective)
            }
            for (region, newest) in newestByRegion.sorted(by: { $0.key < $1.key }) {
                let age = today.ordinal - newest.ordinal
                if age > staleAfterDays {
                    Standard.error(
                        "warning: the newest price for \(region) is from \(newest), \(age) days before \(today): "
                            + "import a current AWS price list (tacoplan pricing import)")
                }
            }
        }
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
