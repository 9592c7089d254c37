import Foundation

/// `tacoplan-bench limits [--steps N] [--variants N]`: times the two inputs that would grow super-linearly, through the
/// `tacoplan` binary built beside this one, each next to a small baseline in the same run so the growth shows:
///
/// - `tacoplan validate PLAN --benchmark STEPS.csv` on a generated step CSV of 1,000 steps (baseline) and of
///   `--steps` steps (default 30,000; goal under 2 s);
/// - `tacoplan compare PLAN` on the seed plan with its variants replaced by 100 generated ones (baseline) and by
///   `--variants` (default 2,000 = `InputLimits.variantsPerPlan`; goal under 5 s).
///
/// Each line prints wall time, peak RSS and the time per step or variant; linear code keeps the per-item time
/// flat between the baseline and the large input. Not a test: figures depend on the machine.
enum LimitsBenchmark {
    static func run(arguments: [String]) throws {
        var steps = 30_000
        var variants = 2_000
        var i = 0
        while i < arguments.count {
            guard i + 1 < arguments.count, let n = Int(arguments[i + 1]), n > 0 else {
                throw BenchError("usage: tacoplan-bench limits [--steps N] [--variants N]")
            }
            switch arguments[i] {
            case "--steps": steps = n
            case "--variants": variants = n
            default: throw BenchError("usage: tacoplan-bench limits [--steps N] [--variants N]")
            }
            i += 2
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("tacoplan").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("no tacoplan binary at \(binary): run `swift build -c release` first")
        }
        let seed = "plans/traffic-tacos.yaml"
        guard FileManager.default.fileExists(atPath: seed) else {
            throw BenchError("run from the repository root (needs \(seed))")
        }
        let dir = NSTemporaryDirectory() + "tacoplan-limits-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let db = dir + "/tacoplan.sqlite"
        let common = ["--db", db, "--as-of", "2024-10-31"]
        // The first run creates the database, so no measured run pays for the bundled load.
        _ = try ChildProcess.run([binary, "estimate", seed] + common)
        print("limits benchmark (\(binary))")
        print("  input                              wall s   peak RSS MiB   ms per item   exit")
        for n in [1_000, steps] {
            let file = dir + "/steps-\(n).csv"
            try stepCSV(n).write(toFile: file, atomically: true, encoding: .utf8)
            let m = try ChildProcess.run([binary, "validate", seed, "--benchmark", file] + common)
            line("validate, \(n) steps" + (n == 1_000 ? " (baseline)" : ""), m, items: n)
        }
        for n in [100, variants] {
            let file = dir + "/variants-\(n).yaml"
            try variantPlan(n, seed: try String(contentsOfFile: seed, encoding: .utf8))
                .write(toFile: file, atomically: true, encoding: .utf8)
            let m = try ChildProcess.run([binary, "compare", file] + common)
            line("compare, \(n) variants" + (n == 100 ? " (baseline)" : ""), m, items: n)
        }
    }

    static func line(_ name: String, _ m: ChildProcess.Measurement, items: Int) {
        let perItem = m.seconds * 1000 / Double(items)
        print(
            "  " + name.padding(toLength: 33, withPad: " ", startingAt: 0)
                + String(format: "%7.2f   %12.1f   %11.3f   %4d", m.seconds, m.peakRSSMiB, perItem, m.status))
    }

    /// `n` position-index steps from 1,000 to 30,000 RPS with Redis CPU on a line (5 % + 1 % per 1,000 RPS) and a
    /// gateway CPU that cycles, so the fits have something to fit.
    static func stepCSV(_ n: Int) -> String {
        var out = "name,rps,status_implementation,redis_engine_cpu,gateway_cpu,pods\n"
        for i in 0..<n {
            let rps = 1_000 + 29_000 * Double(i) / Double(n)
            out += "s\(i),\(rps),position_index,\(5 + rps / 1_000),\(40 + Double(i % 10)),\(1 + i % 50)\n"
        }
        return out
    }

    /// The seed plan with its own `variants:` section (its last) replaced by `n` variants, each one lever (the
    /// gateway's Spot share) at its own value.
    static func variantPlan(_ n: Int, seed: String) -> String {
        var out = seed.components(separatedBy: "\nvariants:\n")[0] + "\nvariants:\n"
        for i in 0..<n { out += "  v\(i):\n    about: Spot share \(i % 100) %\n    gateway.spot_share: \(i % 100)%\n" }
        return out
    }
}
