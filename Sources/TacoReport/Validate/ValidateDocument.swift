import TacoCore

/// `validate --format json`: the plan's verdict (as `estimate` gives it for the same plan and evidence,
/// Docs/Model.md §15) and one validation per benchmark.
public struct ValidateDocument: Encodable {
    public var schema = "tacoplan.validate/2"
    public var verdict: PlanVerdict
    public var validations: [PlanValidation]
    /// The code the run exits with (the plan's one assessment under `--fail-on`).
    public var exit: Int32?

    public init(verdict: PlanVerdict, validations: [PlanValidation], exit: Int32? = nil) {
        self.verdict = verdict
        self.validations = validations
        self.exit = exit
    }
}
