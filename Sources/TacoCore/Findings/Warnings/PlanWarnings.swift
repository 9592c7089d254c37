/// Warnings computed from the plan's own numbers (Docs/Model.md §7.1): each names its figures and a fix.
enum PlanWarnings {
    static func all(_ e: EstimateParts, _ input: EstimateInput) -> [Finding] {
        LongWaitWarning.check(e, input) + NeverAdmittedWarning.check(e, input) + SeatsOverUsersWarning.check(input)
            + PollVsWindowWarning.check(input) + RampVsWindowWarning.check(input) + SpotShareWarning.check(e, input)
    }
}
