import TacoCore
import TacoReport

/// `search`: every configuration inside the plan's `search:` bounds judged against every constraint, the cheapest
/// feasible per resource chosen.
public enum SearchUseCase {
    public struct Outcome: Sendable {
        public var document: SearchDocument
        public var plan: LoadedPlan
        /// Exit 5 after printing when a resource has no feasible configuration.
        public var infeasible: AppFailure?
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, top: Int, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let input = plan.input
        let space = SearchSpace.of(input.plan, book: input.book)
        let result = ConfigSearch.run(input, space: space, objective: input.plan.search.objective)
        let document = SearchDocument(
            input, file: plan.family.file, variant: plan.variant?.name, space: space, result: result, top: top)
        var infeasible: AppFailure?
        if !document.feasible {
            let missing = document.resources.filter { $0.chosen == nil }.map(\.resource)
            infeasible = AppFailure(
                .infeasible,
                [
                    "infeasible: no \(missing.joined(separator: ", ")) configuration within the search bounds meets every constraint (see the rejections above)"
                ])
        }
        return Outcome(document: document, plan: plan, infeasible: infeasible)
    }
}
