import TacoCore

/// When a judged plan fails the run (`--fail-on`, README "Exit codes"): CI gates on INFEASIBLE (the default), on
/// AT RISK as well, or never on the verdict (invalid input, database and pricing failures still exit).
public enum FailOn: String, Sendable, CaseIterable {
    case infeasible
    case atRisk = "at-risk"
    case never
}

/// The one assessment of a plan on one evidence and as-of day, read by every command and renderer:
/// the core's `PlanAssessment` (resources, verdict, as-planned costs, cheapest fix) and the exit status, decided
/// here and nowhere else.
public struct Assessment: Sendable {
    public var input: EstimateInput
    /// The plan's own estimate (its figures, the as-planned cost lines and totals).
    public var estimate: Estimate
    public var plan: PlanAssessment
    public var failOn: FailOn
    /// The whole multi-region deployment, nil for a single-region plan.
    public var regions: RegionsAssessment? = nil

    /// The verdict every command reads: the one accessor (the evidence band replaces its rule behind it).
    public static func verdict(of e: Estimate) -> PlanVerdict { e.verdict }

    /// Computes the assessment once: the estimate, then (when `searchFix`) the cheapest fix on the same evidence.
    public static func make(_ input: EstimateInput, failOn: FailOn = .infeasible, searchFix: Bool = true)
        -> Assessment
    {
        let estimate = Estimate.compute(input)
        return make(input, estimate: estimate, failOn: failOn, searchFix: searchFix)
    }

    public static func make(
        _ input: EstimateInput, estimate: Estimate, failOn: FailOn = .infeasible, searchFix: Bool = true,
        rung: ((Plan) -> EstimateInput?)? = nil
    ) -> Assessment {
        let plan = PlanAssessment.assess(input, estimate: estimate, searchFix: searchFix, rung: rung) {
            verdict(of: $0).status
        }
        return Assessment(input: input, estimate: estimate, plan: plan, failOn: failOn)
    }

    /// The assessment of a loaded plan: every configuration the fix search tries is put on the evidence ladder
    /// exactly as `estimate` would put that plan (`Evidence.input`), so a fix's verdict is the one `estimate`
    /// gives once the fix is written into the plan.
    public static func make(
        _ loaded: LoadedPlan, evidence: Evidence, failOn: FailOn = .infeasible, searchFix: Bool = true
    ) -> Assessment {
        let provenance = loaded.variant?.provenance ?? loaded.family.baseProvenance
        let file = loaded.family.file
        var out = make(
            loaded.input, estimate: Estimate.compute(loaded.input), failOn: failOn, searchFix: searchFix
        ) { plan in
            try? evidence.input(plan, provenance, file: file, subject: loaded.path)
        }
        out.regions = RegionsAssessment.make(loaded, estimate: out.estimate, evidence: evidence)
        return out
    }

    public var verdict: PlanVerdict { plan.verdict }

    /// The run's exit status for this plan (README "Exit codes"), nil for 0: 3 when most cost lines are UNPRICED
    /// (no verdict stands on a missing price book), else the verdict under `--fail-on`: 5 INFEASIBLE, 8 AT RISK
    /// with `--fail-on at-risk`.
    public var exitStatus: ExitStatus? {
        if estimate.mostlyUnpriced { return .pricingMissing }
        // A multi-region deployment is judged whole: its worst region decides.
        switch (max(verdict.status, regions?.deployment.status ?? .feasible), failOn) {
        case (.infeasible, .infeasible), (.infeasible, .atRisk): return .infeasible
        case (.atRisk, .atRisk): return .atRisk
        default: return nil
        }
    }

    /// The code the process exits with: what "(exit N)" prints.
    public var exitCode: Int32 { exitStatus?.rawValue ?? 0 }

    /// The failure to throw after the output is printed, nil when the run exits 0.
    public var failure: AppFailure? {
        guard let status = exitStatus else { return nil }
        switch status {
        case .pricingMissing:
            let e = estimate
            return AppFailure.pricing(
                Diagnostic(
                    "\(e.totals.unpricedLines) of \(e.costs.count) cost lines are UNPRICED in \(e.region) on \(e.asOf)",
                    fix:
                        "`\(PlanAssessment.fetchCommand(region: e.region, missing: e.totals.missing, CommandSpelling.commandLine))` or import an AWS price list (`\(CommandSpelling.spell(.importPriceList))`)",
                    label: "pricing"))
        default:
            // A multi-region deployment worse than its home region's estimate says why.
            if let d = regions?.deployment, d.status > verdict.status {
                return AppFailure(
                    status,
                    [
                        "verdict: deployment \(d.status.rawValue) — \(d.reasons.first ?? d.topology.rawValue) (exit \(status.rawValue))"
                    ])
            }
            return AppFailure(status, ["verdict: \(verdict.headline) (exit \(status.rawValue))"])
        }
    }
}
