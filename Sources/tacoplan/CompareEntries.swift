import Foundation
import TacoCore

/// Loads plans and their variants for `compare` and for the lever section of `report`.
enum CompareEntries {
    /// Every plan file and each of its variants as a compare entry, checked like `estimate` checks a plan.
    static func load(plans: [String], asOf: Day?, db: String?) throws -> [CompareEntry] {
        let database = try PlanLoader.openDatabase(db)
        let costs = try PlanLoader.commandCosts()
        var entries: [CompareEntry] = []
        for path in plans {
            let family = try PlanFiles.family(path)
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let prefix = plans.count == 1 ? "" : stem + "/"
            let baseName = plans.count == 1 ? PlanFamily.baseName : stem
            var members: [(String, String?, Plan, PlanProvenance)] = [
                (baseName, nil, family.base, family.baseProvenance)
            ]
            members += family.variants.map { (prefix + $0.name, $0.about, $0.plan, $0.provenance) }
            for (name, about, plan, provenance) in members {
                let day = asOf ?? plan.pricing.asOf ?? PlanLoader.today()
                let book: PriceBook
                let regions: [String]
                do {
                    book = try database.priceBook(region: plan.event.region, asOf: day)
                    regions = try database.regions()
                } catch {
                    throw Failure.database(["database: \(error)"])
                }
                let input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: costs, asOf: day)
                let problems = PlanCheck.problems(input, file: family.file, knownRegions: regions)
                if !problems.isEmpty {
                    let lines =
                        problems.map { "\(name): \($0.description)" } + ["\(problems.count) problem(s) in \(name)"]
                    throw problems.allSatisfy(\.isPricing)
                        ? Failure.pricing(lines) : Failure.input(lines)
                }
                if entries.contains(where: { $0.name == name }) {
                    throw Failure.input([
                        "error: two compared plans are both named '\(name)'", "    fix: rename one file",
                    ])
                }
                entries.append(CompareEntry(name: name, about: about, input: input))
            }
        }
        return entries
    }
}
