/// Which prices a plan needs, whether the price book has each one in force on a day, from which source and date, and
/// for a missing one the exact `tacoplan pricing fetch` command that brings it.
public enum PriceCoverage {
    /// One price the plan needs.
    public struct Line: Sendable, Equatable {
        /// `redis`, `gateway`, `eks`, `dynamodb`, `gateway spot`.
        public var resource: String
        /// What is priced: a node or instance type, `cluster`, `WriteRequestUnits`, …
        public var product: String
        public var service: Service
        /// The price in force, nil when UNPRICED.
        public var quote: PriceQuote?
        /// For a Spot line: the Spot Advisor snapshot day, nil when none.
        public var spotCapturedOn: String?
        public var priced: Bool { quote != nil || spotCapturedOn != nil }
        /// The command that fetches the missing price; nil when priced.
        public var fetch: String?
    }

    /// Every price `plan` needs in its region: each Redis candidate node type (ElastiCache, the plan's engine), each
    /// gateway node candidate (EC2 Linux), the EKS control plane, the DynamoDB write price for the plan's mode, and
    /// Spot Advisor data for the gateway candidates when the plan runs a Spot share (Docs/Model.md §6 "Costs"). A
    /// missing price's fetch is written by `spelling`.
    public static func lines(plan: Plan, book: PriceBook, spelling: StepSpelling) -> [Line] {
        let region = plan.event.region
        func line(_ resource: String, _ key: PriceKey) -> Line {
            let quote = book.sheet.quote(key)
            return Line(
                resource: resource, product: key.product, service: key.service, quote: quote,
                fetch: quote == nil
                    ? spelling(.fetchPrices(FetchSuggestion(region: region, services: [key.service]))) : nil)
        }
        var out: [Line] = []
        for type in plan.redis.candidates {
            out.append(
                line(
                    "redis",
                    .elastiCacheNode(type, engine: plan.redis.engine, region: region)))
        }
        for type in plan.gateway.nodeCandidates {
            out.append(
                line(
                    "gateway",
                    .ec2Instance(type, region: region)))
        }
        out.append(
            line(
                "eks",
                .eksCluster(region: region)))
        out.append(line("dynamodb", .dynamoWrites(plan.dynamodb.mode, region: region)))
        if plan.gateway.spotShare > 0 {
            for type in plan.gateway.nodeCandidates {
                let advice = book.spot[type]
                out.append(
                    Line(
                        resource: "gateway spot", product: type, service: .ec2, quote: nil,
                        spotCapturedOn: advice?.capturedOn.description,
                        fetch: advice == nil ? spelling(.fetchPrices(spotAdvisorFetch)) : nil))
            }
        }
        return out
    }

    /// The fetch of the Spot Advisor snapshot alone.
    static let spotAdvisorFetch = FetchSuggestion(region: nil, services: [], spotAdvisor: true)

    /// One command fetching everything the unpriced lines need, or nil when all are priced.
    public static func fetchAll(_ lines: [Line], region: String, spelling: StepSpelling) -> String? {
        let missing = lines.filter { !$0.priced }
        guard !missing.isEmpty else { return nil }
        let services = missing.filter { $0.resource != "gateway spot" }.map(\.service)
        return spelling(
            .fetchPrices(
                FetchSuggestion(
                    region: services.isEmpty ? nil : region, services: services,
                    spotAdvisor: missing.contains { $0.resource == "gateway spot" })))
    }
}
