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
            let db = try database.open()
            let today = try Standard.day(asOf, option: "--as-of")
            let summary = try db.regionServiceSummary()
            print("region          service      newest      rows  sources  confidence            engine/os")
            for line in summary {
                print(
                    Self.pad(line.region, 15) + " " + Self.pad(line.service, 12) + " \(line.newestEffective)  "
                        + Self.pad(String(line.rows), 4, right: true) + "  "
                        + Self.pad(String(line.sources), 7, right: true) + "  "
                        + Self.pad(line.confidences.joined(separator: ","), 20) + "  "
                        + line.engines.joined(separator: ","))
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
                            + "fetch current prices (tacoplan pricing fetch --region \(region))")
                }
            }
        }
    }

    static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return right ? fill + text : text + fill
    }
}
