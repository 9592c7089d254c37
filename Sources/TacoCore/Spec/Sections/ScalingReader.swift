import Yams

/// Reads the optional `scaling:` section (Docs/PlanSpec.md "scaling"); every default's note names its source.
enum ScalingReader {
    /// Most held stages `scaling.demand` accepts (a 24-hour step CSV at one row a minute is 1,440 rows).
    static let maxStages = 10_000

    static func read(_ r: FieldReader) -> ScalingSpec? {
        var s = ScalingSpec.defaults
        let d = ScalingSpec.defaults
        s.hpaSync = r.optional(
            "hpa_sync", "a duration", default: d.hpaSync, note: "15 s (Kubernetes HPA sync period default)"
        ) { r.duration($0, $1, "hpa_sync", max: 3600) }
        s.hpaTolerance = r.optional(
            "hpa_tolerance", "a fraction", default: d.hpaTolerance, note: "10 % (Kubernetes HPA tolerance default)"
        ) { r.fraction($0, $1, "hpa_tolerance") }
        s.metricResolution = r.optional(
            "metric_resolution", "a duration", default: d.metricResolution,
            note: "15 s (metrics-server manifest --metric-resolution)"
        ) { r.duration($0, $1, "metric_resolution", max: 3600) }
        s.scaleUpPercent = r.optional(
            "scale_up_percent", "a percentage of current replicas per period", default: d.scaleUpPercent,
            note: "100 % per 15 s (Kubernetes autoscaling/v2 default scale-up policy)"
        ) { r.number($0.replacingOccurrences(of: "%", with: ""), $1, "scale_up_percent", range: 0...10_000) }
        s.scaleUpPods = r.optional(
            "scale_up_pods", "pods per period", default: d.scaleUpPods,
            note: "4 pods per 15 s (Kubernetes autoscaling/v2 default scale-up policy)"
        ) { r.positiveInt($0, $1, "scale_up_pods", min: 0, max: 100_000) }
        s.scaleDownPercent = r.optional(
            "scale_down_percent", "a percentage of current replicas per period", default: d.scaleDownPercent,
            note: "100 % per 15 s (Kubernetes autoscaling/v2 default scale-down policy)"
        ) { r.number($0.replacingOccurrences(of: "%", with: ""), $1, "scale_down_percent", range: 0...100) }
        s.scaleDownStabilization = r.optional(
            "scale_down_stabilization", "a duration", default: d.scaleDownStabilization,
            note: "300 s (Kubernetes autoscaling/v2 default scale-down stabilisation)"
        ) { durationOrZero(r, $0, $1, "scale_down_stabilization") }
        s.policyPeriod = r.optional(
            "policy_period", "a duration", default: d.policyPeriod, note: "15 s (Kubernetes default policies)"
        ) { r.duration($0, $1, "policy_period", max: 3600) }
        s.batchIdle = r.optional(
            "batch_idle", "a duration", default: d.batchIdle, note: "1 s (Karpenter BATCH_IDLE_DURATION)"
        ) { r.duration($0, $1, "batch_idle", max: 3600) }
        s.batchMax = r.optional(
            "batch_max", "a duration", default: d.batchMax, note: "10 s (Karpenter BATCH_MAX_DURATION)"
        ) { r.duration($0, $1, "batch_max", max: 3600) }
        s.consolidateAfter = r.optional(
            "consolidate_after", "a duration", default: d.consolidateAfter, note: "30 s (assumed)"
        ) { durationOrZero(r, $0, $1, "consolidate_after") }
        s.maxWait = r.optional(
            "max_wait", "a duration", default: d.maxWait, note: "10 s (assumed client timeout)"
        ) { durationOrZero(r, $0, $1, "max_wait") }
        s.spotInterruptions = r.optional(
            "spot_interruptions", "true or false", default: false, note: "off (no interruptions simulated)"
        ) { r.bool($0, $1, "spot_interruptions") }
        s.lead = r.optional("lead", "a duration", default: d.lead, note: "120 s before the sale (assumed)") {
            durationOrZero(r, $0, $1, "lead")
        }
        s.tail = r.optional(
            "tail", "a duration", default: d.tail, note: "315 s: scale-down stabilisation + one sync period"
        ) { durationOrZero(r, $0, $1, "tail") }
        s.arrival = r.optional(
            "arrival", "linear, step or spike", default: d.arrival, note: "linear (users ÷ ramp, as the estimate)"
        ) { r.choice($0, $1, "arrival", ArrivalShape.self) }
        if s.batchMax.value < s.batchIdle.value, let node = r.raw("batch_max") ?? r.raw("batch_idle") {
            r.ctx.problem(
                node, r.fieldPath("batch_max"), "batch_max must be at least batch_idle",
                fix: "use e.g. `batch_idle: 1s` and `batch_max: 10s` (Karpenter's defaults)")
        }
        if let node = r.raw("demand") {
            s.demand = stages(r, node) ?? []
        } else {
            r.ctx.provenance.defaults[r.fieldPath("demand")] = "derived from the waiting room (event, clients, apis)"
        }
        r.finish()
        return s
    }

    /// `0s` or a positive duration (the shared `duration` reader refuses zero).
    static func durationOrZero(_ r: FieldReader, _ text: String, _ node: Node, _ key: String) -> Seconds? {
        if case .success(let s) = Seconds.parse(text), s.value == 0 { return s }
        return r.duration(text, node, key, max: 86_400)
    }

    /// `demand: [{duration: 30s, rps: 5000}, …]`: held stages.
    static func stages(_ r: FieldReader, _ node: Node) -> [DemandStage]? {
        guard case .sequence(let seq) = node else {
            r.ctx.problem(
                node, r.fieldPath("demand"), "expected a list of stages, found \(FieldReader.describe(node))",
                fix: "write `demand: [{ duration: 30s, rps: 5000 }, { duration: 60s, rps: 10000 }]`")
            return nil
        }
        guard !seq.isEmpty, seq.count <= maxStages else {
            r.ctx.problem(
                node, r.fieldPath("demand"), "needs 1 to \(maxStages) stages, found \(seq.count)",
                fix: "list at least one `{ duration: 30s, rps: 5000 }`")
            return nil
        }
        var out: [DemandStage] = []
        for (i, item) in seq.enumerated() {
            let f = FieldReader(item, path: r.fieldPath("demand[\(i)]"), ctx: r.ctx)
            let duration = f.required("duration", "a duration", example: "30s") {
                f.duration($0, $1, "duration", max: 86_400)
            }
            let rps = f.required("rps", "gateway requests/s", example: "5000") {
                f.number($0, $1, "rps", range: 0...100_000_000)
            }
            f.finish()
            if let duration, let rps { out.append(DemandStage(duration: duration, rps: rps)) }
        }
        return out.count == seq.count ? out : nil
    }
}
