import TacoCore
import TacoData

/// `simulate`: the plan's event second by second with the run's evidence (Docs/Model.md §13), or, with
/// `--validate`, the node launch → Ready latency fitted to the seed's scale-up test.
public enum SimulateUseCase {
    /// The plan (or variant) with the gateway demand from `demandFile` when one is given, and its estimate.
    static func load(_ request: PlanRequest, demandFile: String?, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> (input: EstimateInput, estimate: Estimate)
    {
        // The demand file is read and checked first, so a refused one leaves the database as it was (no plan run
        // is recorded for a run that cannot start).
        var demand: [DemandStage]?
        if let demandFile {
            let text = try TextFiles.read(demandFile, as: .stepCSV)
            do throws(SimulationError) {
                demand = try DemandFile.parse(text: text, file: demandFile)
            } catch { throw AppFailure.input([error.description]) }
        }
        var (plan, _) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        if let demand { plan.input.plan.scaling.demand = demand }
        return (plan.input, Estimate.compute(plan.input))
    }

    public static func run(
        _ request: PlanRequest, demandFile: String?, step: Int, prewarm: PrewarmRequest, evidence: EvidenceRequest,
        context: AppContext
    ) throws(AppFailure) -> SimulationResult {
        let (input, estimate) = try load(request, demandFile: demandFile, evidence: evidence, context: context)
        do throws(SimulationError) {
            return try Simulation.run(input, estimate: estimate, step: step, prewarm: prewarm)
        } catch { throw AppFailure.input([error.description]) }
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
        } catch { throw AppFailure.input([error.description]) }
        return validation
    }
}
