/// Picks the per-command Redis costs for a plan (Docs/Model.md §14). The evidence is a property of hardware, not of the
/// plan: the bundled load test is calibrated once (`LoadTestCalibration`), a `--costs` file names the machine it was
/// measured on, and each is carried to the plan's node type and engine by the transfer table (`TransferRules`), every
/// step widening the band. Order: (1) costs measured on the plan's own node type and engine; (2) of the calibration
/// and costs measured elsewhere, the one with the narrower band (the calibration on a tie), so measurements from
/// other hardware never outrank a calibration on the plan's own node type; (3) the reference VM's costs,
/// uncalibrated. Where no published factor carries evidence to the plan's hardware it is used with the
/// `uncalibrated` rule's band (the widest stated), never better.
public enum EvidenceLadder {
    /// What the caller asks for.
    public struct Request: Sendable {
        /// The user's measured cost table and the file it came from (`--costs FILE`), if any.
        public var measured: (table: CommandCostTable, file: String)?
        /// The bundled reference cost table (benchmarks/redis-command-costs.csv).
        public var reference: CommandCostTable
        /// The bundled load test's calibration, or why there is none.
        public var calibration: Result<LoadTestCalibration, LoadTestCalibration.Problem>
        /// The transfer table (benchmarks/transfer-rules.csv).
        public var rules: TransferRules
        /// `--evidence calibrated`: the load-test calibration is chosen over every other rung (the caller makes it an error when
        /// there is none).
        public var forceCalibration: Bool
        /// `--evidence reference`: use the weakest rung on purpose (the others are still sized for the range).
        public var pinReference = false

        public init(
            measured: (table: CommandCostTable, file: String)?, reference: CommandCostTable,
            calibration: Result<LoadTestCalibration, LoadTestCalibration.Problem>, rules: TransferRules,
            forceCalibration: Bool, spelling: StepSpelling = .plain
        ) {
            self.measured = measured
            self.reference = reference
            self.calibration = calibration
            self.rules = rules
            self.forceCalibration = forceCalibration
            calibratedTable = try? calibration.get().table(reference: reference, spelling: spelling)
            referenceWithEvidence = EvidenceLadder.referenceTable(reference: reference, rules: rules)
        }

        /// The calibration applied to the reference table, and the reference table with its evidence: built once per
        /// request, not once per plan (`compare` puts thousands of variants on one ladder).
        let calibratedTable: CommandCostTable?
        let referenceWithEvidence: CommandCostTable
    }

    /// The run-to-run spread of a `bench redis` measurement, as a relative error: the reference VM's repeated busy
    /// runs spread ZRANK 8.7–9.3 µs and GET 7.8–8.5 µs of CPU per call (max/min up to 1.09;
    /// engine-hardware-facts.md §5, redis-bench.md), so ±10 %.
    public static let measuredSpread = 0.10

    /// The reference VM's costs with their evidence: the VM named, no baseline, the `uncalibrated` band.
    public static func referenceTable(_ request: Request) -> CommandCostTable { request.referenceWithEvidence }

    static func referenceTable(reference: CommandCostTable, rules: TransferRules) -> CommandCostTable {
        var t = reference
        let host = t.measurements.first?.host ?? "reference VM"
        t.basis = CostBasis(
            baseline: 0, fitError: 0,
            hardware: CostHardware(
                nodeType: nil, cpuModel: host, engine: t.measurements.first?.engine,
                version: t.measurements.first?.version ?? ""),
            origin:
                "reference VM costs (benchmarks/redis-command-costs.csv: \(host)), not calibrated to any cache node",
            steps: [rules.uncalibratedStep("the reference VM is not an ElastiCache node")])
        return t
    }

    /// The costs of `table` carried to every candidate node type of the plan, on the plan's engine: the candidate
    /// whose transfer leaves the widest band decides (one table sizes every candidate, so it must hold for the worst).
    static func carried(_ table: CommandCostTable, to plan: Plan, rules: TransferRules) -> CommandCostTable {
        var best: CostBasis?
        for type in plan.redis.candidates {
            var e = table.basis
            switch rules.path(from: e.hardware, to: type, engine: plan.redis.engine) {
            case .success(let steps): e.steps += steps
            case .failure(let why): e.steps.append(rules.uncalibratedStep(why.message))
            }
            if let b = best, b.high * b.factor >= e.high * e.factor { continue }
            best = e
        }
        var out = table
        out.basis = best ?? table.basis
        // Carried to another engine, the costs stay the source engine's rows times the engine factor (the reference
        // table also holds Valkey rows; using them on top of the factor would count the engine difference twice).
        if let source = table.basis.hardware.engine, source != plan.redis.engine {
            let own = table.measurements.filter { $0.engine == source }
            if !own.isEmpty { out.measurements = own }
        }
        return out
    }

    /// Why a stated type cannot be the machine a bench recorded: Graviton cores are aarch64, Xeon and AMD x86_64.
    static func architectureConflict(_ type: String, _ architecture: String, _ rules: TransferRules) -> String? {
        guard !architecture.isEmpty, let core = rules.core(of: type)?.to else { return nil }
        let expected = core.hasPrefix("Graviton") ? "aarch64" : "x86_64"
        return architecture == expected
            ? nil : "the bench recorded a \(architecture) machine and \(type) runs \(core) (\(expected))"
    }

    /// The input with the chosen table and its `evidence` filled in; with `pinReference`, the reference rung, the
    /// better rungs kept as alternatives so the verdict still shows where they disagree.
    public static func select(_ input: EstimateInput, _ request: Request) -> EstimateInput {
        let plan = input.plan
        let spell = input.spelling
        let reference = referenceTable(request)
        var notUsed: [String] = []
        var rungs: [(evidence: EvidenceRung, table: CommandCostTable, source: String)] = []
        var calibratedTable: CommandCostTable?
        switch request.calibration {
        case .success(let c):
            calibratedTable = carried(
                request.calibratedTable ?? c.table(reference: request.reference, spelling: spell), to: plan,
                rules: request.rules)
        case .failure(let why): notUsed.append(why.message)
        }
        var measuredOwn: CommandCostTable?
        var measuredElsewhere: CommandCostTable?
        if let m = request.measured {
            var table = m.table
            table.basis.fitError = measuredSpread
            if let stated = table.basis.hardware.nodeType,
                let conflict = architectureConflict(stated, table.basis.hardware.architecture, request.rules)
            {
                table.basis.hardware.nodeType = nil
                notUsed.append(
                    "the \(spell(.option(.costs))) file states \(stated), but \(conflict): its type is not taken as stated"
                )
            }
            table.basis.origin =
                "measured by `\(spell(.run(.benchRedis)))` on \(table.basis.hardware.description) (\(m.file))"
            let carried = carried(table, to: plan, rules: request.rules)
            if carried.basis.steps.isEmpty { measuredOwn = carried } else { measuredElsewhere = carried }
        } else {
            notUsed.append(
                "no costs measured on your hardware (measure with `\(spell(.run(.benchRedis)))`, pass \(spell(.passCosts)))"
            )
        }
        if let t = measuredOwn { rungs.append((.measured, t, t.basis.line)) }
        switch (calibratedTable, measuredElsewhere) {
        case (let c?, let m?):
            if m.basis.high * m.basis.factor < c.basis.high * c.basis.factor {
                rungs.append((.measured, m, m.basis.line))
                rungs.append((.calibrated, c, c.basis.line))
                notUsed.append("the load-test calibration leaves a wider band than your measurement carried over")
            } else {
                rungs.append((.calibrated, c, c.basis.line))
                rungs.append((.measured, m, m.basis.line))
                notUsed.append(
                    "your \(spell(.option(.costs))) were measured on \(m.basis.hardware.description), not the plan's node type: carried over they leave a wider band than the load-test calibration"
                )
            }
        case (let c?, nil): rungs.append((.calibrated, c, c.basis.line))
        case (nil, let m?): rungs.append((.measured, m, m.basis.line))
        case (nil, nil): break
        }
        rungs.append((.reference, reference, reference.basis.line))
        // `--evidence calibrated`: the calibration first, whatever else is available.
        var forced = false
        if request.forceCalibration, let i = rungs.firstIndex(where: { $0.evidence == .calibrated }), i > 0 {
            forced = true
            notUsed.append(
                "\(spell(.chooseEvidence(.calibrated))) asked for the load-test calibration over \(rungs[0].evidence.phrase)"
            )
            rungs.insert(rungs.remove(at: i), at: 0)
        }
        let chosen = request.pinReference ? rungs[rungs.count - 1] : rungs[0]
        if request.pinReference && rungs.count > 1 {
            notUsed.append(
                "\(spell(.chooseEvidence(.reference))) asked for the reference VM's costs over \(rungs[0].evidence.phrase)"
            )
        }
        var out = input
        out.costs = chosen.table
        out.evidence = EvidenceSelection(
            rung: chosen.evidence, source: chosen.source, notUsed: notUsed,
            alternatives: rungs.filter { $0.table != chosen.table }.map {
                EvidenceAlternative(rung: $0.evidence, costs: $0.table)
            })
        out.evidence.ladder = request
        out.evidence.askedOverBetter = forced || (request.pinReference && rungs.count > 1)
        return out
    }

    /// `input` (a plan changed after the ladder ran, e.g. by an automatic lever) put back on the ladder it came from,
    /// so another engine or node type gets its own transfer steps; unchanged when it came from no ladder.
    public static func reselect(_ input: EstimateInput) -> EstimateInput {
        guard let request = input.evidence.ladder else { return input }
        return select(input, request)
    }
}
