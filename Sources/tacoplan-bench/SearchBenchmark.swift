import Foundation
import TacoCore
import TacoData
import TacoStore

/// Times `ConfigSearch` on the shipped plans and on a wide candidate space (≥ 50 node types × 1–32 shards ×
/// 0–5 replicas × 11 Spot shares), next to the time of one estimate in the same run. Not a test: it prints
/// configurations evaluated per second and wall time. Usage: `tacoplan-bench search [PLAN …] [--repeat N]`.
enum SearchBenchmark {
    static func run(arguments: [String]) {
        let (named, repeats) = RepeatOption.split(arguments)
        let plans =
            named.isEmpty
            ? ["plans/traffic-tacos.yaml", "plans/seoul-concert.yaml", "plans/regional-sale.yaml"] : named
        let dbPath =
            NSTemporaryDirectory() + "tacoplan-search-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { try? FileManager.default.removeItem(atPath: dbPath) }
        do {
            let db = try TacoDatabase.open(path: dbPath)
            _ = try db.loadBundled(
                prices: BundledData.pricesCSV, specs: BundledData.instanceSpecsCSV, spot: BundledData.spotAdvisorCSV)
            let costs = try CommandCostTable(csv: BundledData.redisCommandCostsCSV)
            let asOf = Day(iso: "2026-11-01") ?? Day(iso: "2026-01-01")
            guard let asOf else { return }
            print("search benchmark (as of \(asOf), best of \(repeats))")
            for path in plans {
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    print("\(path): cannot read")
                    continue
                }
                guard
                    case .success(let family) = PlanVariants.resolve(
                        PlanSource(file: path, text: text),
                        load: { t, _ in
                            .failure(
                                PlanErrors([
                                    PlanProblem(file: t, location: nil, path: "extends", message: "not followed")
                                ]))
                        })
                else {
                    print("\(path): invalid plan")
                    continue
                }
                let book = try db.priceBook(region: family.base.event.region, asOf: asOf)
                let members =
                    [(PlanFamily.baseName, family.base, family.baseProvenance)]
                    + family.variants.map { ($0.name, $0.plan, $0.provenance) }
                for (name, plan, provenance) in members {
                    let input = EstimateInput(plan: plan, provenance: provenance, book: book, costs: costs, asOf: asOf)
                    report("\(path) [\(name)]", input: input, space: SearchSpace.of(plan), repeats: repeats)
                }
                // The wide space: 50 synthetic cache types cloned from the bundled ones (same specs, prices
                // scaled by 1 + k/100 so that none tie), 1–32 shards, 0–5 replicas, 1–4 partitions, 11 Spot shares
                // on every bundled EC2 type.
                let wide = widen(book, plan: family.base)
                let space = SearchSpace(
                    cacheTypes: wide.cacheTypes, shards: 1...32, replicas: 0...5, queuePartitions: [1, 2, 3, 4],
                    gatewayTypes: wide.ec2Types, spotShares: (0...10).map { Double($0) / 10 },
                    dynamoModes: [.onDemand, .provisioned])
                let input = EstimateInput(
                    plan: family.base, provenance: family.baseProvenance, book: wide.book, costs: costs, asOf: asOf)
                report(
                    "\(path) [wide: \(wide.cacheTypes.count) cache types × 32 × 6 × 4, \(wide.ec2Types.count) EC2 types × 11]",
                    input: input, space: space, repeats: repeats)
            }
        } catch {
            print("search benchmark: \(error)")
        }
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func report(_ label: String, input: EstimateInput, space: SearchSpace, repeats: Int) {
        var best = Double.infinity
        var bestEstimate = Double.infinity
        var evaluated = 0
        for _ in 0..<repeats {
            best = min(
                best, seconds { evaluated = ConfigSearch.run(input, space: space, objective: .perMonth).evaluated })
            bestEstimate = min(bestEstimate, seconds { _ = Estimate.compute(input) })
        }
        let rate = Double(evaluated) / max(best, 1e-9)
        print(
            "  \(label): \(evaluated) configurations in \(Format.number(best * 1000, maxDecimals: 2)) ms = \(Format.grouped(rate)) configurations/s; one estimate \(Format.number(bestEstimate * 1000, maxDecimals: 2)) ms"
        )
    }

    static func widen(_ book: PriceBook, plan: Plan) -> (book: PriceBook, cacheTypes: [String], ec2Types: [String]) {
        let cache = book.specs.values.filter { $0.service == .elasticache }.sorted { $0.product < $1.product }
        let ec2 = book.specs.values.filter { $0.service == .ec2 }.map(\.product).sorted()
        var specs = Array(book.specs.values)
        var quotes = book.sheet.quotes
        var names: [String] = []
        guard !cache.isEmpty else { return (book, [], ec2) }
        for k in 0..<50 {
            let source = cache[k % cache.count]
            let name = "\(source.product).w\(k)"
            var spec = source
            spec.product = name
            specs.append(spec)
            if let q = book.sheet.quote(
                .elastiCacheNode(source.product, engine: plan.redis.engine, region: plan.event.region))
            {
                var copy = q
                copy.key.product = name
                copy.usd = q.usd * (1 + Decimal(k) / 100)
                quotes.append(copy)
            }
            names.append(name)
        }
        let sheet = PriceSheet(region: book.sheet.region, asOf: book.sheet.asOf, quotes: quotes)
        return (PriceBook(sheet: sheet, specs: specs, spot: Array(book.spot.values)), names, ec2)
    }
}
