import Foundation
import TacoCore

/// `compare`: plans and their variants side by side, each estimated with the same evidence (`--costs`,
/// `--evidence`, `--as-of`, `--db`) the user gave.
public enum CompareUseCase {
    /// The comparison and the baseline's automatic levers (Docs/Model.md §8), estimated with the same evidence.
    public struct Outcome: Sendable {
        public var comparison: Comparison
        public var automaticLevers: [AutomaticLever]
        /// Exit 5 after printing when the baseline's verdict is INFEASIBLE: compare exits with the baseline's verdict
        /// like every command (README "Exit codes"); the other columns are alternatives to it, and a deliberately
        /// infeasible variant is not a failure.
        public var failure: AppFailure? { assessment.failure }
        /// The baseline's one assessment: the run's verdict and exit.
        public var assessment: Assessment
        /// Each compared multi-region plan or variant as its whole deployment: the columns above price
        /// the home region alone, these the deployment under the entry's topology.
        public var deployments: [NamedDeployment] = []
    }

    public static func run(
        plans: [String], baseline: String?, evidence request: EvidenceRequest, failOn: FailOn = .infeasible,
        context: AppContext
    ) throws(AppFailure) -> Outcome {
        var families: [(path: String, family: PlanFamily)] = []
        for path in plans { families.append((path, try PlanFiles.family(path).family)) }
        let evidence = try Evidence.load(request, access: .read, context: context)
        let entries = try entries(families, evidence: evidence)
        let names = entries.map(\.name)
        let base = baseline ?? names[0]
        let unknownBaseline = AppFailure.input(
            Diagnostic(
                "--baseline '\(base)' is not one of the compared plans",
                fix: (Suggestion.closest(to: base, in: names).map { "did you mean '\($0)'? " } ?? "")
                    + "use one of \(names.joined(separator: ", "))"))
        guard let baseIndex = names.firstIndex(of: base) else { throw unknownBaseline }
        let baseInput = entries[baseIndex].input
        // The baseline's one assessment; its fix search re-reads each configuration through the same evidence
        // (provenance only locates plan problems, which a searched configuration does not have). Its estimate is
        // the baseline column's and the automatic levers' base: computed once.
        let loaded = LoadedPlan(input: baseInput, family: families[0].family, variant: nil, path: families[0].path)
        let assessment = Assessment.make(loaded, evidence: evidence, failOn: failOn)
        guard let comparison = Comparison.build(entries, baseline: base, baselineEstimate: assessment.estimate) else {
            throw unknownBaseline
        }
        // Only a multi-region column has a deployment; a single-region one costs no second estimate.
        let deployments = entries.compactMap { e -> NamedDeployment? in
            guard e.input.plan.regions != nil else { return nil }
            // The baseline is the one assessment's deployment and fix; the other columns search no fix.
            if e.name == base, let r = assessment.regions {
                return NamedDeployment(name: e.name, deployment: r.deployment, fix: r.fix)
            }
            return RegionsAssessment.make(
                e.input, estimate: Estimate.compute(e.input), evidence: evidence, searchFix: false
            ).map { NamedDeployment(name: e.name, deployment: $0.deployment) }
        }
        return Outcome(
            comparison: comparison,
            automaticLevers: AutomaticLevers.all(baseInput, estimate: assessment.estimate)
                + (assessment.regions?.levers ?? []),
            assessment: assessment,
            deployments: deployments)
    }

    /// Every plan and each of its variants as a compare entry, checked and on the evidence ladder's rung like
    /// `estimate` does. With
    /// one plan its variants go by their names and the plan by 'base'; with several, by `file` and `file/variant`.
    public static func entries(_ families: [(path: String, family: PlanFamily)], evidence: Evidence)
        throws(AppFailure) -> [CompareEntry]
    {
        var entries: [CompareEntry] = []
        for (path, family) in families {
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let prefix = families.count == 1 ? "" : stem + "/"
            let baseName = families.count == 1 ? PlanFamily.baseName : stem
            var members: [(String, String?, Plan, PlanProvenance)] = [
                (baseName, nil, family.base, family.baseProvenance)
            ]
            members += family.variants.map { (prefix + $0.name, $0.about, $0.plan, $0.provenance) }
            for (name, about, plan, provenance) in members {
                let input = try evidence.input(plan, provenance, file: family.file, subject: name)
                if entries.contains(where: { $0.name == name }) {
                    throw AppFailure.input(
                        Diagnostic("two compared plans are both named '\(name)'", fix: "rename one file"))
                }
                entries.append(CompareEntry(name: name, about: about, input: input))
            }
        }
        return entries
    }
}

/// A compared plan or variant's multi-region deployment, by its compare name.
public struct NamedDeployment: Sendable {
    public var name: String
    public var deployment: RegionalDeployment
    /// The whole deployment's fix: the baseline's, from the one assessment (nil for the other columns).
    public var fix: DeploymentFixResult? = nil
}
