import TacoCore

/// A loaded plan: the estimate input, its family (extends merged, variants decoded) and the variant used, if any.
public struct LoadedPlan: Sendable {
    public var input: EstimateInput
    /// The same plan, price book and checks with the costs as given (`--costs FILE` or the bundled reference), off
    /// the evidence ladder: what `validate` and the report's validation fit against. nil when the caller built
    /// the loaded plan from an input already on the ladder (`compare`'s baseline).
    public var inputAsGiven: EstimateInput?
    public var family: PlanFamily
    public var variant: PlanVariant?
    /// The file as the user named it.
    public var path: String

    public init(
        input: EstimateInput, inputAsGiven: EstimateInput? = nil, family: PlanFamily, variant: PlanVariant?,
        path: String
    ) {
        self.input = input
        self.inputAsGiven = inputAsGiven
        self.family = family
        self.variant = variant
        self.path = path
    }

    /// Reads the plan file once and picks the variant (plan errors come before any database error), loads the
    /// evidence, records the run in the database and checks the input against the evidence.
    public static func load(
        _ request: PlanRequest, evidence evidenceRequest: EvidenceRequest, access: DatabaseAccess,
        context: AppContext
    ) throws(AppFailure) -> (plan: LoadedPlan, evidence: Evidence) {
        let (family, text) = try PlanFiles.family(request.path)
        let variant = try PlanFiles.variant(request.variant, of: family)
        let evidence = try Evidence.load(evidenceRequest, access: access, context: context)
        let plan = variant?.plan ?? family.base
        let provenance = variant?.provenance ?? family.baseProvenance
        let asOf = evidence.asOf(for: plan)
        // Recorded without waiting: a read never blocks on an import and never fails because it could not write.
        let record = evidence.database.store.recordPlanWithoutWaiting(
            name: plan.name, file: request.path, text: text, loadedAt: context.clock.now(), asOf: asOf.description)
        if case .skipped(let note) = record { context.note(note) }
        let subject = variant.map { "variant '\($0.name)' of \(request.path)" } ?? request.path
        let asGiven = try evidence.checkedInput(plan, provenance, file: family.file, subject: subject, asOf: asOf)
        let input = try Calibration.select(asGiven, request: evidenceRequest, reference: evidence.referenceCosts)
        return (
            LoadedPlan(input: input, inputAsGiven: asGiven, family: family, variant: variant, path: request.path),
            evidence
        )
    }
}
