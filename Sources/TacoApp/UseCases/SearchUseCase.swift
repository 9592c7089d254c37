import TacoCore
import TacoReport

/// `search`: every configuration inside the plan's `search:` bounds judged against every constraint, the cheapest
/// feasible per resource chosen.
public enum SearchUseCase {
    public struct Outcome: Sendable {
        public var document: SearchDocument
        public var plan: LoadedPlan
        public var assessment: Assessment
        /// The assessment's exit after printing (a missing price exits 3, never 5).
        public var failure: AppFailure? { assessment.failure }
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, top: Int, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let input = plan.input
        let assessment = Assessment.make(plan, evidence: loaded, failOn: request.failOn)
        let space = SearchSpace.of(input.plan, book: input.book)
        let result = ConfigSearch.run(input, space: space, objective: input.plan.search.objective)
        var document = SearchDocument(
            input, file: plan.family.file, variant: plan.variant?.name, space: space, result: result, top: top)
        document.assessment = AssessmentDigest(
            assessment.plan, estimate: assessment.estimate, exit: assessment.exitCode)
        document.fix = assessment.plan.fix
        document.feasibleUnpriced = assessment.plan.feasibleUnpriced
        return Outcome(document: document, plan: plan, assessment: assessment)
    }
}
