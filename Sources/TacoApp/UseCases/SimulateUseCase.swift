import TacoCore
import TacoData

/// `simulate`: the plan's event second by second with the run's evidence (Docs/Model.md §13), or, with
/// `--validate`, the node launch → Ready latency fitted to the seed's scale-up test.
public enum SimulateUseCase {
    /// The plan (or variant) with the gateway demand from `demandFile` when one is given, and its estimate.
    static func load(_ request: PlanRequest, demandFile: String?, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> (input: EstimateInput, estimate: Estimate)
    {
        let (input, estimate, _) = try loadAssessed(
            request, demandFile: demandFile, evidence: evidence, context: context, assess: false)
        return (input, estimate)
    }

    /// The simulation and the plan's one assessment: the run prints its verdict and exits with it.
    public struct Outcome: Sendable {
        public var result: SimulationResult
        public var assessment: Assessment
        public var failure: AppFailure? { assessment.failure }
    }

    static func loadAssessed(
        _ request: PlanRequest, demandFile: String?, evidence: EvidenceRequest, context: AppContext, assess: Bool
    ) throws(AppFailure) -> (input: EstimateInput, estimate: Estimate, assessment: Assessment?) {
        // The demand file is read and checked first, so a refused one leaves the database as it was (no plan run
        // is recorded for a run that cannot start).
        var demand: [DemandStage]?
        if let demandFile {
            let text = try TextFiles.read(demandFile, as: .stepCSV)
            do throws(SimulationError) {
                demand = try DemandFile.parse(text: text, file: demandFile)
            } catch { throw AppFailure.input(error.diagnostic) }
        }
        var (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        // The verdict is the plan's (before a demand file replaces the gateway's demand).
        let assessment = assess ? Assessment.make(plan, evidence: loaded, failOn: request.failOn) : nil
        if let demand { plan.input.plan.scaling.demand = demand }
        return (plan.input, Estimate.compute(plan.input), assessment)
    }

    public static func run(
        _ request: PlanRequest, demandFile: String?, step: Int, prewarm: PrewarmRequest, evidence: EvidenceRequest,
        context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (input, estimate, assessment) = try loadAssessed(
            request, demandFile: demandFile, evidence: evidence, context: context, assess: true)
        guard let assessment else { throw AppFailure.input(["error: no assessment"]) }
        do throws(SimulationError) {
            let result = try Simulation.run(input, estimate: estimate, step: step, prewarm: prewarm)
            return Outcome(result: result, assessment: assessment)
        } catch {
            // A plan that cannot be simulated because it fails (no gateway node fits a pod) exits with its verdict.
            if let failure = assessment.failure {
                throw AppFailure(failure.status, error.diagnostic, then: failure.lines)
            }
            throw AppFailure.input(error.diagnostic)
        }
    }

    /// Fits node launch → Ready to the bundled scale-up test (or `benchmarkFile` in its schema) and judges it. The
    /// verdict is evidence about the timing model, printed; it does not set the exit code (README "Exit codes").
    public static func validate(
        _ request: PlanRequest, demandFile: String?, benchmarkFile: String?, evidence: EvidenceRequest,
        context: AppContext
    ) throws(AppFailure) -> ScaleValidation {
        let (input, estimate) = try load(request, demandFile: demandFile, evidence: evidence, context: context)
        let file = benchmarkFile ?? "benchmarks/seed-scale-test.yaml (bundled)"
        let text =
            try benchmarkFile.map { f throws(AppFailure) in try TextFiles.read(f, as: .benchmarkYAML) }
            ?? BundledData.seedScaleTestYAML
        let validation: ScaleValidation
        do throws(SimulationError) {
            let test = try ScaleTest.read(text: text, file: file)
            validation = try ScaleValidation.run(input, estimate: estimate, test: test)
        } catch { throw AppFailure.input(error.diagnostic) }
        return validation
    }
}
