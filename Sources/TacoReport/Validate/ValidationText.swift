import TacoCore

/// Terminal rendering of a `PlanValidation`: the per-step table, fitted constants, leave-one-out and the verdict.
public enum ValidationText {
    /// The accuracy the Redis engine-CPU model is held to: every leave-one-out prediction within ±10 percentage
    /// points of the measurement (Docs/Benchmarks.md §4, the acceptance of `validate`).
    public static let leaveOneOutTolerancePoints = 10.0

    public static func render(_ v: PlanValidation) -> String {
        var out = "tacoplan validate: plan '\(v.plan)' against benchmark '\(v.benchmark)'\n"
        out += "source: \(v.benchmarkSource)\n\n"
        out += "Per step: predicted vs measured (percent; error = predicted − measured, in points)\n"
        let rows = v.comparisons.map { c -> [String] in
            let predicted = c.predicted.map { Format.number($0, maxDecimals: 1) + " %" } ?? "—"
            let check: String
            if let e = c.error {
                check = signed(e) + " pts"
            } else if let ok = c.consistent {
                check = ok ? "consistent" : "CONTRADICTS"
            } else {
                check = c.note.isEmpty ? "" : c.note
            }
            return [c.step, Format.grouped(c.rps), c.status, c.resource, predicted, c.measured, check]
        }
        var table = TextTable(
            ["step", "RPS", "status", "resource", "predicted", "measured", "error / check"],
            aligns: [.left, .right, .left, .left, .right, .left, .left])
        for row in rows { table.add(row) }
        out += table.render(indent: "") + "\n"
        out += "\nFitted constants\n"
        for c in v.constants {
            out += "  \(c.name) = \(Format.number(c.value, maxDecimals: 3)) \(c.unit)  (\(c.basis))\n"
        }
        for f in v.fits {
            let r2 = f.rSquared.map { Format.number($0, maxDecimals: 4) } ?? "undefined (no spread)"
            out +=
                "  fit \(f.name): \(f.points) points, residuals \(f.residuals.map { signed($0) }.joined(separator: ", ")), R² = \(r2)\n"
        }
        for (k, w) in v.busiestNodeWork.sorted(by: { $0.key < $1.key }) { out += "  busiest node \(k): \(w)\n" }
        out += "\nLeave-one-out (fit without a point, predict it)\n"
        for h in v.leaveOneOut {
            out +=
                "  \(h.fit) without \(h.left_out): predicted \(Format.number(h.predicted, maxDecimals: 2)), "
                + "measured \(Format.number(h.measured, maxDecimals: 2)), error \(signed(h.error))\n"
        }
        if let worst = v.redisLeaveOneOutMax {
            let bound = Format.number(leaveOneOutTolerancePoints, maxDecimals: 0)
            let within = worst <= leaveOneOutTolerancePoints + 1e-9
            out +=
                "  Redis engine CPU: largest leave-one-out error \(Format.number(worst, maxDecimals: 2)) points — "
                + (within ? "every prediction within ±\(bound) points\n" : "OUTSIDE ±\(bound) points\n")
        }
        for n in v.notes { out += "  note: \(n)\n" }
        let e = v.envelope
        out += "\nOperating point: \(Format.grouped(e.operatingRPS)) status requests/s (\(e.implementation))\n"
        for c in e.checks {
            out +=
                "  \(c.resource): predicted \(Format.number(c.predicted, maxDecimals: 1)) %, ceiling "
                + "\(Format.number(c.ceiling, maxDecimals: 1)) % — \(c.basis)\n"
        }
        out += "\nLoad-test envelope: \(e.verdict.rawValue)\n"
        for r in e.reasons { out += "  \(r)\n" }
        return out
    }

    /// The plan's verdict, the same one `estimate` prints for this plan and evidence (Docs/Model.md §15).
    public static func verdict(_ v: PlanVerdict, exitCode: Int32) -> String {
        var out =
            "Verdict: \(v.status.rawValue) (exit \(exitCode)) — evidence: \(v.evidence.rung.phrase)\n"
        for r in v.reasons { out += "  \(r)\n" }
        if let f = v.engineCPU {
            out += "  " + VerdictText.engineLine(f) + "\n  evidence: \(f.evidence)\n"
        }
        return out
    }

    static func signed(_ x: Double) -> String {
        (x > 0 ? "+" : "") + Format.number(x, maxDecimals: 2)
    }
}
