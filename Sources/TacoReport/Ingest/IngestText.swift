import TacoCore

/// The terminal form of `ingest`.
public enum IngestText {
    public static func render(_ f: IngestedFile) -> String {
        let run = f.run
        let id = f.stored.runID
        let stored = f.stored.inserted ? "stored as run #\(id)" : "already stored as run #\(id): nothing added"
        var out = "\(run.file): \(run.shape), \(run.stepsDescription); \(stored)\n"
        if run.format == .k6Summary, let s = run.steps.first {
            out +=
                "  \(Format.number(s.rps, maxDecimals: 1)) req/s, error rate "
                + "\(s.errorRate.map { Format.number($0, maxDecimals: 3) + " %" } ?? "?"), p95 "
                + "\(s.extra["p95_ms"].map { $0 + " ms" } ?? "?")\n"
        } else if let peak = run.steps.map(\.rps).max() {
            out += "  peak \(Format.grouped(peak)) req/s\n"
        }
        let loadName = run.rampLoadName
        switch f.fit {
        case .notARamp: break
        case .tooFewPoints(let have):
            out +=
                "  USL: not fitted (\(have) ramp points with \(loadName); needs \(ScalabilityLaw.minimumPoints))\n"
        case .fitted(let m):
            let peak = m.peakThroughput.map { Format.grouped($0) } ?? "none (κ ≤ 0: no retrograde region)"
            let at = m.maxConcurrency.map { " at N* = \(Format.grouped($0)) \(loadName)" } ?? ""
            out +=
                "  USL: σ = \(Format.number(m.sigma, maxDecimals: 6)), κ = \(Format.number(m.kappa, maxDecimals: 8)), "
                + "λ = \(Format.number(m.lambda, maxDecimals: 3)); peak throughput \(peak)\(at)\n"
        case .failed(let why): out += "  USL: not fitted: \(why)\n"
        }
        return out
    }

    public static func list(_ rows: [StoredRunRow]) -> String {
        guard !rows.isEmpty else { return "no load-test runs stored (add some with `tacoplan ingest FILE…`)\n" }
        var table = TextTable(
            ["id", "file", "format", "steps", "created", "ingested", "warnings"],
            aligns: [.right, .left, .left, .right, .left, .left, .right])
        for r in rows { table.add(r.cells) }
        return table.render(indent: "") + "\n"
    }
}
