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
            throw Failure.input([
                "\(path): error: no such file",
                "    fix: check the path; bundled plans are in plans/ (e.g. plans/traffic-tacos.yaml)",
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure.input(["\(path): error: cannot read the file (permissions?)"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Failure.input(["\(path): error: the file is not UTF-8 text", "    fix: save the plan as UTF-8"])
        }
        return text
    }

    /// The bundled price book a new database is initialised with.
    static let bundled = BundledTexts(
        prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)

    /// Opens the database read-only for a command that only reads (TacoDatabase.openForReading): it never waits for
    /// an import and works on a read-only file. Notes (a skipped bundled refresh) go to stderr.
    static func openDatabase(_ option: String?) throws -> TacoDatabase {
        let path = DatabaseLocation.resolve(option: option, environment: ProcessInfo.processInfo.environment)
        do {
            let reading = try TacoDatabase.openForReading(path: path, bundled: bundled)
            for note in reading.notes { Terminal.error(note) }
            return reading.database
        } catch let error as DatabaseOpenError {
            throw Failure.database(["error: \(error)"])
        } catch {
            throw Failure.database([
                "\(path): error: cannot open or load the database: \(error)",
                "    fix: pass --db PATH to use another file, or remove a damaged one",
            ])
        }
    }

    /// Opens the database for a command that writes (ingest): migrations applied, bundled book loaded.
    static func openDatabaseForWriting(_ option: String?) throws -> TacoDatabase {
        let path = DatabaseLocation.resolve(option: option, environment: ProcessInfo.processInfo.environment)
        do {
            let db = try TacoDatabase.open(path: path)
            _ = try db.loadBundled(prices: bundled.prices, specs: bundled.specs, spot: bundled.spot)
            return db
        } catch let error as DatabaseOpenError {
            throw Failure.database(["error: \(error)"])
        } catch {
            throw Failure.database([
                "\(path): error: cannot open or load the database: \(error)",
                "    fix: pass --db PATH to use another file, or remove a damaged one",
            ])
        }
    }

    /// The per-command Redis costs: the bundled reference, or a file written by `tacoplan bench redis` (`--costs`).
    static func commandCosts(_ file: String? = nil) throws -> CommandCostTable {
        guard let file else {
            do {
                return try CommandCostTable(csv: BundledData.redisCommandCostsCSV)
            } catch {
                throw Failure.database(["bundled benchmark: \(error)"])
            }
        }
        let text = try readText(file)
        do {
            let table = try CommandCostTable(csv: text, file: file)
            guard !table.measurements.isEmpty else {
                throw CommandCostError(message: "\(file): no measurement rows")
            }
            return table
        } catch {
            throw Failure.input([
                "\(error)",
                "    fix: pass a file written by `tacoplan bench redis --output FILE` (columns as benchmarks/redis-command-costs.csv)",
            ])
        }
    }

    static func today() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .epoch
    }

    func load() throws -> EstimateInput { try loadPlan().input }

    /// The plan with its `extends` chain merged (PlanFiles), or the variant `--variant` names, ready to estimate.
    func loadPlan() throws -> LoadedPlan {
        let path = options.plan
        let text = try PlanLoader.readText(path)
        let family = try PlanFiles.family(path)
        let file = family.file
        let variant = try PlanLoader.variant(options.variant, of: family)
        let plan = variant?.plan ?? family.base
        let provenance = variant?.provenance ?? family.baseProvenance
        let asOf = options.asOf.flatMap(Day.init(iso:)) ?? plan.pricing.asOf ?? PlanLoader.today()
        let db = try PlanLoader.openDatabase(options.db)
        if case .skipped(let note) = db.recordPlanWithoutWaiting(
            name: plan.name, file: path, text: text, loadedAt: asOf.description)
        {
            Terminal.error(note)
        }
        let subject = variant.map { "variant '\($0.name)' of \(path)" } ?? path
        let input = try PlanLoader.checkedInput(
            plan, provenance, file: file, subject: subject, asOf: asOf, db: db,
            costs: try PlanLoader.commandCosts(options.costs))
        return LoadedPlan(input: input, family: family, variant: variant)
    }

    /// The plan's price book as of `asOf`, checked against the reference data (node types, commands, region,
    /// date): problems become a `Failure` naming `subject` (exit 3 when only pricing data is missing, else 2).
    static func checkedInput(
        _ plan: Plan, _ provenance: PlanProvenance, file: String, subject: String, asOf: Day, db: TacoDatabase,
        costs: CommandCostTable, cache: PriceBookCache? = nil
    ) throws -> EstimateInput {
        let book: PriceBook
        let regions: [String]
        do {
            let key = "\(plan.event.region) \(asOf)"
            if let cached = cache?.books[key], let known = cache?.regions {
                (book, regions) = (cached, known)
            } else {
                book = try db.priceBook(region: plan.event.region, asOf: asOf)
                regions = try cache?.regions ?? db.regions()
                cache?.books[key] = book
                cache?.regions = regions
            }
        } catch {
            throw Failure.database(["database: \(error)"])
        }
        let input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: costs, asOf: asOf)
        let problems = PlanCheck.problems(input, file: file, knownRegions: regions)
        if !problems.isEmpty {
            let lines = problems.map(\.description) + ["\(problems.count) problem(s) in \(subject)"]
            throw problems.allSatisfy(\.isPricing) ? Failure.pricing(lines) : Failure.input(lines)
        }
        return input
    }

    /// The variant named `name`; nil for the plan itself. An unknown name is an input error with "did you mean".
    static func variant(_ name: String?, of family: PlanFamily) throws -> PlanVariant? {
        guard let name else { return nil }
        if let v = family.variants.first(where: { $0.name == name }) { return v }
        let names = family.variants.map(\.name)
        guard !names.isEmpty else {
            throw Failure.input([
                "error: --variant '\(name)': \(family.file) has no variants",
                "    fix: drop --variant, or add a `variants:` section (Docs/PlanSpec.md)",
            ])
        }
        let hint = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw Failure.input([
            "error: --variant '\(name)' is not a variant of \(family.file)",
            "    fix: \(hint)variants: \(names.joined(separator: ", "))",
        ])
    }
}

/// Price books already read in one run, by region and as-of day, and the region list: `compare` and `report` check
/// every variant of a plan, which would otherwise read the same book from SQLite once per variant.
final class PriceBookCache {
    var books: [String: PriceBook] = [:]
    var regions: [String]?
}

/// A loaded plan: the estimate input, its family (extends merged, variants decoded) and the variant used, if any.
struct LoadedPlan {
    var input: EstimateInput
    var family: PlanFamily
    var variant: PlanVariant?

    /// The table footer: which variant was estimated and which others the plan has.
    var variantFooter: String {
        var out = ""
        if let variant {
            out += "Variant '\(variant.name)'" + (variant.about.map { ": \($0)" } ?? "")
            out += variant.overrides.isEmpty ? "\n" : " (overrides \(variant.overrides.joined(separator: ", ")))\n"
        }
        let names = family.variants.map(\.name)
        if !names.isEmpty {
            out += "Variants of this plan: \(names.joined(separator: ", ")) (pick one with --variant NAME)\n"
        }
        if family.chain.count > 1 { out += "Extends: \(family.chain.joined(separator: " → "))\n" }
        return out
    }
}
