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
        let lines = try database.run { try $0.regionServiceSummary() }
        return PriceBookListing(lines: lines, stale: stale(lines, today: today, after: staleAfterDays))
    }

    /// A region is stale when its newest price, over all services, is more than `after` days before `today`.
    public static func stale(_ lines: [RegionServiceSummary], today: Day, after: Int) -> [PriceBookListing.StaleRegion]
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
