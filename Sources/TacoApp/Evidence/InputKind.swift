import TacoCore

/// The kinds of input file tacoplan reads whole into memory, each with its own size limit ("limits on
/// every input"). The limit is checked from the file's size before anything is read, so a wrong path (a disk image,
/// a log) is refused at once instead of after seconds of reading and gigabytes of memory.
public enum InputKind: Sendable, CaseIterable {
    /// A plan or a file it `extends:`.
    case plan
    /// A per-command cost CSV written by `tacoplan bench redis` (`--costs`).
    case commandCosts
    /// A reference benchmark in YAML (`validate --benchmark`).
    case benchmarkYAML
    /// A step CSV: one row per load-test step (`ingest`, `validate --benchmark`).
    case stepCSV
    /// A k6 `handleSummary` / `--summary-export` JSON document (`ingest`).
    case k6Summary
    /// k6 `--out csv` output: one row per metric sample (`ingest`).
    case k6CSV
    /// The CSV a warehouse wrote from `reconcile --sql`'s query (`reconcile --from-aggregate`).
    case billAggregate

    /// A plan is limited to 4 MiB. The bundled plans are 3–6 KB (plans/), a plan with 2,000 variants is about
    /// 300 KB, and reading a 100 MB plan takes 10–13 s before it can be refused, so 4 MiB is ~700× the largest bundled plan
    /// and still parses in well under a second.
    public static let planBytes = 4 * 1_048_576
    /// A cost CSV is limited to 1 MiB: the bundled benchmarks/redis-command-costs.csv is 14 KB for ~100 rows, so
    /// 1 MiB holds ~7,000 measurement rows, far more than any run of `bench redis` writes (7 rows a run).
    public static let commandCostsBytes = 1_048_576
    /// A benchmark YAML is limited to 16 MiB: the bundled benchmarks/seed-load-test.yaml is 3.4 KB for 7 steps
    /// (~0.5 KB a step), so 16 MiB holds ~30,000 steps, the largest ramp `validate` is asked to handle.
    public static let benchmarkYAMLBytes = 16 * 1_048_576
    /// A step CSV is limited to 16 MiB: a step row is under 200 bytes (rps, pods, four utilizations and a name),
    /// so 16 MiB is over 80,000 steps, well above a 30,000-step ramp.
    public static let stepCSVBytes = 16 * 1_048_576
    /// A k6 summary is limited to 16 MiB: `handleSummary` data is one object per metric and check (tens of KB for
    /// a typical test); 16 MiB leaves room for thousands of tagged sub-metrics.
    public static let k6SummaryBytes = 16 * 1_048_576
    /// k6 CSV output is limited to `InputLimits.loadTestCSVBytes` (64 MiB), the limit the parser applies too, so a
    /// larger file is refused from its size before it is read: it is held in memory while it is aggregated per
    /// second, and k6 writes ≈ 100 bytes per sample (≈ 650,000 samples). Longer runs should be exported as a
    /// summary (`handleSummary`) or reduced to a step CSV.
    public static let k6CSVBytes = InputLimits.loadTestCSVBytes
    /// A bill aggregate is limited to 64 MiB: one row per distinct charge (service, usage type, unit, description…),
    /// a few thousand rows of ~300 bytes for a real account's month; 64 MiB is ~200,000 charges.
    public static let billAggregateBytes = 64 * 1_048_576

    /// The most bytes read for this kind.
    public var maximumBytes: Int {
        switch self {
        case .plan: Self.planBytes
        case .commandCosts: Self.commandCostsBytes
        case .benchmarkYAML: Self.benchmarkYAMLBytes
        case .stepCSV: Self.stepCSVBytes
        case .k6Summary: Self.k6SummaryBytes
        case .k6CSV: Self.k6CSVBytes
        case .billAggregate: Self.billAggregateBytes
        }
    }

    /// What the file is, in a sentence: "the plan is 5,000,000 bytes".
    public var noun: String {
        switch self {
        case .plan: "plan"
        case .commandCosts: "cost CSV"
        case .benchmarkYAML: "benchmark YAML"
        case .stepCSV: "step CSV"
        case .k6Summary: "k6 summary JSON"
        case .k6CSV: "k6 CSV output"
        case .billAggregate: "bill aggregate CSV"
        }
    }

    /// How to get under the limit.
    var shrinkFix: String {
        switch self {
        case .plan: "a plan is a few KB: check that you named the plan file, and split very large variant lists"
        case .commandCosts: "pass a file written by `tacoplan bench redis --output FILE`"
        case .benchmarkYAML, .stepCSV: "split the ramp into several files, or keep one row per load step"
        case .k6Summary: "export the summary with handleSummary/--summary-export, which holds one entry per metric"
        case .k6CSV: "export a summary (handleSummary) or reduce the samples to a step CSV (one row per load step)"
        case .billAggregate: "save only the output of the query `reconcile --sql` prints (one row per charge)"
        }
    }
}
