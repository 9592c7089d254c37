import Foundation
import TacoCore
import TacoReport

/// `observe`: the alarms, rules, dashboard and runbook of a plan (or one variant), from the same estimate and verdict
/// `estimate` prints (same evidence ladder, same figures), with the relief levers estimated on the same input.
public enum ObserveUseCase {
    public struct Outcome: Sendable {
        public var model: ObservabilityModel
        public var plan: LoadedPlan
        /// The assessment's exit after the files are written (README "Exit codes").
        public var failure: AppFailure?
    }

    public static func run(_ request: PlanRequest, evidence: EvidenceRequest, context: AppContext)
        throws(AppFailure) -> Outcome
    {
        let (plan, loaded) = try LoadedPlan.load(request, evidence: evidence, access: .read, context: context)
        // The plan's one assessment: the thresholds read the same estimate, verdict and exit as `estimate`.
        let assessment = Assessment.make(plan, evidence: loaded, failOn: request.failOn)
        return Outcome(model: model(assessment, plan: plan), plan: plan, failure: assessment.failure)
    }

    /// The observability model of a plan's assessment: what `observe` writes and the deck's runbook slide shows.
    static func model(_ assessment: Assessment, plan: LoadedPlan) -> ObservabilityModel {
        let levers = ReliefLevers.all(plan.input, base: assessment.estimate)
        var model = ObservabilityModel.build(
            assessment.plan, estimate: assessment.estimate, input: plan.input, levers: levers)
        model.variant = plan.variant?.name
        // The whole deployment's one fix.
        if let f = assessment.regions?.fix { model.fix = AssessedFix.from(f, spelling: plan.input.spelling) }
        return model
    }

    /// Writes the rendered files into `directory` (created if missing); returns the paths written.
    public static func write(_ files: [ObservabilityFiles.File], to directory: String) throws(AppFailure) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for f in files {
                try Data(f.text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(f.path))
            }
        } catch {
            throw AppFailure.input(
                .file(
                    directory, "cannot write the observability files: \(error.localizedDescription)",
                    fix: "choose a writable directory with -o"))
        }
        return files.map { (directory as NSString).appendingPathComponent($0.path) }
    }
}
