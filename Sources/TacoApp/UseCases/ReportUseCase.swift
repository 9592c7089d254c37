import Foundation
import TacoCore
import TacoReport

/// `report`: the estimate with its lever savings (the plan's variants, estimated with the same evidence) and its
/// validation against the bundled load test and a scale sweep around its crowd (0.25× … 4× users, the same
/// evidence), as the `Report` model the renderers write.
public enum ReportUseCase {
    /// The report and the assessment's exit after writing it (`Assessment.failure`; nil: the run exits 0).
    public struct Outcome: Sendable {
        public var report: Report
        public var failure: AppFailure?
        public var assessment: Assessment
    }

    /// With a bill `window`, the report also carries the plan-vs-actual part (Docs/Model.md §12).
    public static func run(
        _ request: PlanRequest, evidence: EvidenceRequest, window: BillWindow? = nil, context: AppContext
    ) throws(AppFailure) -> Outcome {
        let (plan, loadedEvidence) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        let assessment = Assessment.make(plan, evidence: loadedEvidence, failOn: request.failOn)
        let estimate = assessment.estimate
        // The assessment's estimate is the base of the variants' savings (when the report is of the plan itself, the
        // variants' baseline) and of the automatic levers: computed once.
        let levers = AutomaticLeverSection.merged(
            try leverSection(plan, evidence: loadedEvidence, baseEstimate: plan.variant == nil ? estimate : nil),
            automatic: AutomaticLevers.all(plan.input, estimate: estimate) + (assessment.regions?.levers ?? []),
            baseline: PlanFamily.baseName, baselinePerMonth: estimate.totals.perMonth)
        var report = ReportBuilder.build(
            estimate, assessment: assessment.plan, exitCode: assessment.exitCode, levers: levers,
            validation: validationSection(plan.inputAsGiven ?? plan.input))
        // The event over time (Docs/Model.md §13); left out, with a note, when the plan cannot be simulated.
        do throws(SimulationError) {
            report = ReportBuilder.adding(
                try Simulation.run(plan.input, estimate: estimate, prewarm: .auto), to: report)
        } catch {
            context.note("note: the report has no simulation section: \(error.description)")
        }
        // The plan re-sized from a quarter to four times its crowd, with the same evidence (Docs/Model.md §9).
        report.attach(
            sweep: ScaleSweep.run(plan.input, range: .around(users: plan.input.plan.event.users), estimate: estimate))
        // The runbook's appendix slide, from the same model `tacoplan observe` writes (Docs/Observability.md).
        report.observability = ObserveUseCase.model(assessment, plan: plan)
        // What the seed's next goal takes: the same sweep as `tacoplan sweep --rps 10k..100k`.
        if let r = ReachAssessment.make(
            ScaleSweep.run(plan.input, range: RPSReach.range, estimate: estimate), assessment: assessment, loaded: plan,
            evidence: loadedEvidence)
        {
            report.reach = ReachSection(single: r.reach, topologies: r.topologies, fixes: r.fixes?.byTopology ?? [])
        }
        if let g = assessment.regions {
            report.regions = RegionsSection(deployment: g.deployment, topologies: g.topologies, fix: g.fix)
            report.answer?.deployment = report.regions?.answer
        }
        if let window {
            report.attach(
                try ReconcileUseCase.reconcile(
                    plan, estimate: estimate, window: window,
                    sums: try ReconcileUseCase.storedSums(window, database: loadedEvidence.database)))
        }
        return Outcome(report: report, failure: assessment.failure, assessment: assessment)
    }

    /// Savings per lever when the plan declares variants: each variant against the plan itself ('base'),
    /// saving = base − variant per month (positive: the variant is cheaper). Infeasible variants are left out.
    /// `baseEstimate` is the estimate of 'base' when the caller has it.
    static func leverSection(_ plan: LoadedPlan, evidence: Evidence, baseEstimate: Estimate?) throws(AppFailure)
        -> LeverSection?
    {
        let entries = try CompareUseCase.entries([(plan.path, plan.family)], evidence: evidence)
        guard entries.count > 1,
            let c = Comparison.build(entries, baseline: PlanFamily.baseName, baselineEstimate: baseEstimate),
            let base = c.columns.first(where: { $0.name == c.baseline })
        else { return nil }
        var levers: [LeverSection.Lever] = []
        for column in c.columns where column.name != c.baseline && column.feasible {
            for step in column.levers {
                let saving = Money(-step.deltaPerMonth.amount)
                let percent = base.perMonth.amount > 0 ? (saving.amount / base.perMonth.amount).doubleValue * 100 : nil
                levers.append(
                    LeverSection.Lever(
                        name: "\(column.name): \(step.lever)", description: column.about ?? "", perMonth: saving,
                        percent: percent))
            }
        }
        return LeverSection(baseline: c.baseline, baselinePerMonth: base.perMonth, levers: levers)
    }

    /// The plan validated against the bundled reference load test: predicted vs measured Redis engine CPU at the
    /// steps run with the plan's status implementation, and the load-test envelope with its reasons (the plan's
    /// verdict is the estimate's, at the top of the report).
    static func validationSection(_ input: EstimateInput) -> ValidationSection? {
        guard let bench = try? Calibration.bundledBenchmark(),
            case .success(let v) = PlanValidation.run(input: input, benchmark: bench)
        else { return nil }
        let steps = v.comparisons.filter { $0.resource == "redis_engine_cpu" && $0.status == v.envelope.implementation }
            .map { c in
                ValidationSection.Step(
                    name: c.step, rps: c.rps, predictedPercent: c.predicted,
                    measuredPercent: c.predicted.flatMap { p in c.error.map { p - $0 } }, measured: c.measured)
            }
        let loo = v.redisLeaveOneOutMax.map {
            "largest leave-one-out error \(TacoCore.Format.number($0, maxDecimals: 2)) points"
        }
        let reasons = v.envelope.reasons.flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let summary =
            (["Load-test envelope: \(v.envelope.verdict.rawValue)"] + reasons + (loo.map { [$0] } ?? []))
            .joined(separator: ". ") + "."
        return ValidationSection(benchmark: "\(v.benchmark) (\(v.benchmarkSource))", steps: steps, summary: summary)
    }
}
