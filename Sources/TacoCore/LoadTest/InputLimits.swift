/// Size limits on the inputs tacoplan reads, so no file can make it run for minutes or exhaust memory. Each limit is
/// far above any real input (the figure it is compared with is in its comment) and is reported by name, with the
/// file, when a file crosses it.
public enum InputLimits {
    /// Load-test steps in one file (a step CSV row, a benchmark YAML step, one second of k6 CSV output): 100,000.
    /// A k6 run aggregated per second for a whole day is 86,400 steps; the bundled seed load test has 9.
    public static let loadTestSteps = 100_000

    /// A k6 end-of-test summary (JSON): 16 MiB. Real `handleSummary` data and machine-readable summaries are
    /// 5–50 KB (one entry per metric and check); the limit leaves room for thousands of custom metrics.
    public static let k6SummaryBytes = 16 << 20

    /// A load-test CSV (k6 CSV output or a step CSV): 64 MiB. k6 `--out csv` writes ≈ 100 bytes per sample, so this
    /// is ≈ 650,000 samples; longer runs should be exported as a summary or aggregated into a step CSV first.
    public static let loadTestCSVBytes = 64 << 20

    /// One field (a CSV cell, a JSON string, a step name): 4,096 bytes. The longest real values are k6 metric tags
    /// and URLs (well under 1 KB); a longer one is a binary or mis-split file.
    public static let fieldBytes = 4096

    /// Nesting depth of a JSON document: 64. k6 summaries nest at most 6 levels (results.metrics[].values.stat).
    public static let jsonDepth = 64

    /// Variants in one plan: 2,000. A plan has a handful (the seed has 6); `tacoplan-bench limits` measures
    /// `compare` at this count.
    public static let variantsPerPlan = 2_000

    /// A plan or `extends` file: 4 MiB. The seed plan is 9 KB; a plan at the variant limit with ten-line variants
    /// is ≈ 1 MB. Enforced by the CLI when it reads the file.
    public static let planBytes = 4 << 20

    /// Characters of a bad value quoted back in an error message (`Excerpt.quoted`).
    public static let excerptCharacters = 40

    /// "16 MiB", "4,096 bytes": a limit in words for messages.
    public static func bytes(_ n: Int) -> String {
        n >= 1 << 20 && n % (1 << 20) == 0 ? "\(n >> 20) MiB" : "\(Format.grouped(Double(n))) bytes"
    }
}

/// A value from an input file, made safe to print in a message: control characters escaped (`\u{1B}`, `\n`), never
/// echoed raw, and cut to `InputLimits.excerptCharacters` with "…" so a binary file cannot flood the terminal.
public enum Excerpt {
    public static func quoted(_ text: String, limit: Int = InputLimits.excerptCharacters) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= limit { return out + "…" }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFD
                || PrintableText.isBidiControl(scalar):
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }
}
