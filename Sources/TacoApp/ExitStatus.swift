/// Every exit code tacoplan documents (`tacoplan --help`, README "Exit codes"). A closed set: a command exits with
/// one of these or 0.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Invalid input: a plan, file or option that cannot be used.
    case invalidInput = 2
    /// Pricing data missing for the plan's region or as-of day.
    case pricingMissing = 3
    /// The database cannot be opened, read or written.
    case database = 4
    /// The plan's verdict is INFEASIBLE, in every command (`validate` included; the output is still printed).
    case infeasible = 5
    /// `bench redis`: redis-cli, redis-benchmark or the server program is not installed.
    case benchToolMissing = 6
    /// `bench redis`: the server did not start, a command failed or a run passed `--timeout`.
    case benchFailed = 7
    /// The plan's verdict is AT RISK and the run asked `--fail-on at-risk`.
    case atRisk = 8
}
