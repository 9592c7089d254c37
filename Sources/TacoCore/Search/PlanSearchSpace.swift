/// The search space a plan's `search:` section describes, with node types selected by family and architecture
/// from the price book's instance specs.
extension SearchSpace {
    /// The plan's bounds: explicit candidates first (in the plan's order), then the types of each listed family
    /// (families in the order written; within a family by vCPU, then memory, then name), without duplicates.
    public static func of(_ plan: Plan, book: PriceBook) -> SearchSpace {
        let s = plan.search
        let r = plan.redis
        var space = SearchSpace.of(plan)
        space.cacheTypes = unique(
            r.candidates + selected(.elasticache, families: s.redisFamilies, architectures: s.architectures, book))
        space.gatewayTypes = unique(
            plan.gateway.nodeCandidates
                + selected(.ec2, families: s.gatewayFamilies, architectures: s.architectures, book))
        if let shards = s.shards { space.shards = shards }
        if let replicas = s.replicas { space.replicas = replicas }
        if let partitions = s.queuePartitions { space.queuePartitions = Array(partitions) }
        if let shares = s.spotShares { space.spotShares = shares }
        return space
    }

    static func unique(_ types: [String]) -> [String] {
        var seen = Set<String>()
        return types.filter { seen.insert($0).inserted }
    }

    static func selected(
        _ service: Service, families: [String], architectures: [InstanceSpec.Architecture], _ book: PriceBook
    ) -> [String] {
        let specs = book.specs.values.filter { $0.service == service }
        return families.flatMap { family in
            specs.filter {
                InstanceFamily.of($0.product) == family
                    && (architectures.isEmpty || architectures.contains($0.architecture))
            }
            .sorted { ($0.vcpu, $0.memoryGiB, $0.product) < ($1.vcpu, $1.memoryGiB, $1.product) }
            .map(\.product)
        }
    }

    /// Families the price book does not know, or that have no type of the plan's architectures; each at the
    /// line and column it was written, with "did you mean".
    public static func problems(_ input: EstimateInput, file: String) -> [PlanProblem] {
        let s = input.plan.search
        var out: [PlanProblem] = []
        let lists: [(String, Service, [String], String)] = [
            ("search.redis_families", .elasticache, s.redisFamilies, "ElastiCache"),
            ("search.gateway_families", .ec2, s.gatewayFamilies, "EC2"),
        ]
        for (path, service, families, label) in lists {
            let specs = input.book.specs.values.filter { $0.service == service }
            let known = Array(Set(specs.map { InstanceFamily.of($0.product) })).sorted()
            for (i, family) in families.enumerated() {
                let location = input.provenance.locations["\(path)[\(i)]"] ?? input.provenance.locations[path]
                let members = specs.filter { InstanceFamily.of($0.product) == family }
                if members.isEmpty {
                    let hint = Suggestion.closest(to: family, in: known).map { "did you mean '\($0)'? " } ?? ""
                    out.append(
                        PlanProblem(
                            file: file, location: location, path: path,
                            message: "unknown \(label) family '\(family)'",
                            fix: "\(hint)known families: \(known.joined(separator: ", "))"))
                } else if !s.architectures.isEmpty,
                    !members.contains(where: { s.architectures.contains($0.architecture) })
                {
                    let has = Set(members.map(\.architecture.rawValue)).sorted().joined(separator: ", ")
                    let wanted = s.architectures.map(\.rawValue).joined(separator: ", ")
                    out.append(
                        PlanProblem(
                            file: file, location: location, path: path,
                            message: "\(label) family '\(family)' has no \(wanted) type (it is \(has))",
                            fix: "remove '\(family)' or add \(has) to search.architectures"))
                }
            }
        }
        return out
    }
}
