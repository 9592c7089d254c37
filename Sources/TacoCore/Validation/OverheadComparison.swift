/// The per-command overhead the load test implies (fitted on the benchmark's node type) beside the reference one
/// `estimate` uses (benchmarks/redis-command-costs.csv: full server CPU − command time, on a 2-vCPU VM), and what
/// each makes of the plan's busiest Redis node.
public struct OverheadComparison: Codable, Hashable, Sendable {
    /// µs per command; nil when the benchmark has fewer than two point measurements of Redis CPU.
    public var calibrated: Double?
    /// Calls-weighted mean reference overhead on the plan's busiest node, µs per command.
    public var reference: Double
    /// The plan's busiest node as `estimate` computes it (reference costs), percent of one core.
    public var estimateBusiestPercent: Double
    /// The same node's load with the calibrated overhead instead (no intercept), percent of one core.
    public var calibratedBusiestPercent: Double?
    public var benchmarkNodeType: String?
    public var planShards: Int
    /// Which overhead `tacoplan estimate` uses: "calibrated" when this benchmark declares its workload (its
    /// calibration is the one the evidence ladder carries to the plan's hardware), else "reference".
    public var estimateUses = "reference"

    /// Relative difference above which the report calls the two overheads different.
    static let tolerance = 0.1

    public var differs: Bool {
        guard let c = calibrated, reference > 0 else { return false }
        return abs(c - reference) / reference > Self.tolerance
    }

    /// What the comparison means for the estimate, the estimate command spelled by `spell`.
    public func notes(_ spell: StepSpelling) -> [String] {
        let estimate = spell(.run(.estimate))
        guard let c = calibrated else { return [] }
        let node = benchmarkNodeType ?? "the benchmark's node type"
        var out = [
            "per-command overhead: calibrated \(Format.number(c, maxDecimals: 2)) µs on \(node) vs reference "
                + "\(Format.number(reference, maxDecimals: 2)) µs (2-vCPU VM, redis-command-costs.csv); "
                + (estimateUses == "calibrated"
                    ? "`\(estimate)` uses the calibration (with its baseline), carried to the plan's node type by the transfer table"
                    : "`\(estimate)` uses the reference")
        ]
        if differs && estimateUses != "calibrated" {
            out.append(
                "with the reference overhead the estimate puts the busiest node at "
                    + "\(Format.percent(points: estimateBusiestPercent)) at \(planShards) shards; the calibrated "
                    + "overhead makes it \(Format.percent(points: calibratedBusiestPercent ?? 0)) "
                    + "(before the fitted intercept): the estimate's Redis CPU is "
                    + (c > reference ? "optimistic" : "pessimistic") + " for this hardware")
        }
        return out
    }
}
