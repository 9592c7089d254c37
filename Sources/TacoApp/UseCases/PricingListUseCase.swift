import Foundation
import TacoCore
import TacoReport
import TacoStore

/// `pricing list`: what the price book holds, and the regions whose newest price is older than `staleAfterDays`
/// before `asOf` (default today).
public enum PricingListUseCase {
    public static func run(db: String?, asOf: Day?, staleAfterDays: Int, context: AppContext) throws(AppFailure)
        -> PriceBookListing
    {
        let database = try DatabaseOpener.open(db, access: .read, context: context)
        let today = asOf ?? context.clock.today
        let summary = try database.run { try $0.regionServiceSummary() }
        let lines = summary.map {
            PriceBookListing.Line(
                region: $0.region, service: $0.service, newest: $0.newestEffective, rows: $0.rows,
                sources: $0.sources, confidences: $0.confidences, engines: $0.engines)
        }
        return PriceBookListing(lines: lines, stale: stale(lines, today: today, after: staleAfterDays))
    }

    /// A region is stale when its newest price, over all services, is more than `after` days before `today`.
    public static func stale(_ lines: [PriceBookListing.Line], today: Day, after: Int) -> [PriceBookListing.StaleRegion]
    {
        var newestByRegion: [String: Day] = [:]
        for line in lines { newestByRegion[line.region] = max(newestByRegion[line.region] ?? line.newest, line.newest) }
        return newestByRegion.sorted { $0.key < $1.key }.compactMap { region, newest in
            let age = today.ordinal - newest.ordinal
            return age > after
                ? PriceBookListing.StaleRegion(region: region, newest: newest, age: age, today: today) : nil
        }
    }
}
