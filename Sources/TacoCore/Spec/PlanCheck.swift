/// Checks a decoded plan against the reference data it names: node types, commands, region prices, as-of date.
/// Problems carry the plan's file:line:column where the value was written.
public enum PlanCheck {
    public static func problems(_ input: EstimateInput, file: String, knownRegions: [String]) -> [PlanProblem] {
        let plan = input.plan
        var out: [PlanProblem] = []
        func at(_ path: String) -> SourceLocation? { input.provenance.locations[path] }
        func problem(_ path: String, _ message: String, _ fix: String, pricing: Bool = false) {
            var p = PlanProblem(file: file, location: at(path), path: path, message: message, fix: fix)
            p.isPricing = pricing
            out.append(p)
        }

        // Spot price history alone never makes a region priced: only On-Demand and provisioned rows price a line.
        // Nor does an inter-region transfer rate alone: it prices no resource of a single-region plan.
        let pricing = input.book.sheet.quotes.filter {
            $0.key.purchaseOption != .spot && $0.key.product != InterRegionFacts.transferProduct
        }
        if pricing.isEmpty {
            problem(
                "event.region", "no prices for region '\(plan.event.region)' in the price book",
                "use a region with prices (\(knownRegions.joined(separator: ", "))) or import an AWS price list for it: \(input.spelling(.importPriceList))",
                pricing: true)
        } else if let earliest = pricing.map(\.effectiveFrom).min(), input.asOf < earliest {
            problem(
                input.provenance.locations["pricing.as_of"] != nil ? "pricing.as_of" : "event.region",
                "as-of date \(input.asOf) is before any price for \(plan.event.region) (earliest \(earliest))",
                "use \(input.spelling(.setAsOf(earliest))) or later, or import older price lists", pricing: true)
        }

        let cacheTypes = input.book.specs.values.filter { $0.service == .elasticache }.map(\.product).sorted()
        for (i, type) in plan.redis.candidates.enumerated() where input.book.specs[type]?.service != .elasticache {
            let hint = Suggestion.closest(to: type, in: cacheTypes).map { "did you mean '\($0)'? " } ?? ""
            problem(
                "redis.candidates[\(i)]", "unknown ElastiCache node type '\(type)'",
                "\(hint)known types: \(cacheTypes.joined(separator: ", "))")
        }
        let ec2Types = input.book.specs.values.filter { $0.service == .ec2 }.map(\.product).sorted()
        for (i, type) in plan.gateway.nodeCandidates.enumerated() where input.book.specs[type]?.service != .ec2 {
            let hint = Suggestion.closest(to: type, in: ec2Types).map { "did you mean '\($0)'? " } ?? ""
            problem(
                "gateway.node_candidates[\(i)]", "unknown EC2 instance type '\(type)'",
                "\(hint)known types: \(ec2Types.joined(separator: ", "))")
        }
        out += SearchSpace.problems(input, file: file)
        if plan.clients.heartbeat == nil {
            for api in plan.apis where api.driver == .heartbeat {
                problem(
                    "apis.\(api.name).per",
                    "API '\(api.name)' is driven by heartbeats but clients.heartbeat is not set",
                    "add `heartbeat: 30s` under clients, or change `per:`")
            }
        }
        let commands = input.costs.commands
        for api in plan.apis {
            for (i, use) in api.commands.enumerated() where !commands.contains(use.command) {
                let hint = Suggestion.closest(to: use.command, in: commands).map { "did you mean '\($0)'? " } ?? ""
                problem(
                    "apis.\(api.name).commands[\(i)].command",
                    "'\(use.command)' has no measured cost in the reference benchmark",
                    "\(hint)measured commands: \(commands.joined(separator: ", "))")
            }
        }
        return out
    }
}
