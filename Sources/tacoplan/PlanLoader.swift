import Foundation
import TacoCore
import TacoData
import TacoStore

/// Reads a plan file, opens the database (loading the bundled price book on first use) and assembles the
/// estimate input; every problem becomes a `Failure` with the file, line and column.
struct PlanLoader {
    var options: PlanOptions

    static func readText(_ path: String) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure.input(["\(path): error: no such file", "    fix: check the path; bundled plans are in plans/ (e.g. plans/traffic-tacos.yaml)"])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.input(["\(path): error: cannot read the file (permissions?)"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure.input(["\(path): error: the file is not UTF-8 text", "    fix: save the plan as UTF-8"])
        }
        return text
    }

    static func openDatabase(_ option: String?) throws -> TacoDatabase {
        let path = DatabaseLocation.resolve(option: option, environment: ProcessInfo.processInfo.environment)
        do {
            let db = try TacoDatabase.open(path: path)
            _ = try db.loadBundled(prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
            return db
        } catch {
            throw Failure.database(["\(path): error: cannot open or load the database: \(error)", "    fix: pass --db PATH to use another file, or remove a damaged one"])
        }
    }

    static func commandCosts() throws -> CommandCostTable {
        do {
            return try CommandCostTable(csv: BundledData.redisCommandCostsCSV)
        } catch {
            throw Failure.database(["bundled benchmark: \(error)"])
        }
    }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .epoch
    }

    func load() throws -> EstimateInput {
        let file = options.plan
        let text = try PlanLoader.readText(file)
        let (plan, provenance): (Plan, PlanProvenance)
        switch PlanDecoder.decode(text: text, file: file) {
        case .failure(let errors):
            throw Failure.input(errors.problems.map(\.description) + ["\(errors.problems.count) problem(s) in \(file)"])
        case .success(let decoded): (plan, provenance) = decoded
        }
        let asOf = options.asOf.flatMap(Day.init(iso:)) ?? plan.pricing.asOf ?? PlanLoader.today()
        let db = try PlanLoader.openDatabase(options.db)
        let book: PriceBook
        let regions: [String]
        do {
            book = try db.priceBook(region: plan.event.region, asOf: asOf)
            regions = try db.regions()
            _ = try db.recordPlan(name: plan.name, file: file, text: text, loadedAt: asOf.description)
        } catch {
            throw Failure.database(["database: \(error)"])
        }
        let input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: try PlanLoader.commandCosts(), asOf: asOf)
        let problems = PlanCheck.problems(input, file: file, knownRegions: regions)
        if !problems.isEmpty {
            let pricing = problems.allSatisfy(\.isPricing)
            let lines = problems.map(\.description) + ["\(problems.count) problem(s) in \(file)"]
            throw pricing ? Failure.pricing(lines) : Failure.input(lines)
        }
        return input
    }
}
