enum GatewayReader {
    static func read(_ r: FieldReader) -> GatewaySpec? {
        let rps = r.required("rps_per_pod", "requests/s one pod serves at 100 % CPU", example: "1667") {
            r.number($0, $1, "rps_per_pod", range: 0...10_000_000, exclusiveLow: true)
        }
        let cpu = r.optional("pod_cpu", "vCPU per pod", default: 1.0, note: "1 vCPU request per pod") {
            t, n -> Double? in
            if t.hasSuffix("m"), let milli = Double(t.dropLast()) {
                return r.number(String(milli / 1000), n, "pod_cpu", range: 0...64, exclusiveLow: true)
            }
            return r.number(t, n, "pod_cpu", range: 0...64, exclusiveLow: true)
        }
        let memory = r.optional("pod_memory", "a size", default: Bytes(1_073_741_824), note: "1GiB request per pod") {
            r.bytes($0, $1, "pod_memory")
        }
        let hpa = r.optional("hpa_target", "a fraction", default: 0.6, note: "60 % CPU (seed)") {
            r.fraction($0, $1, "hpa_target", allowZero: false)
        }
        let nodes = r.stringList("node_candidates", required: true)
        let spot = r.optional("spot_share", "a fraction", default: 0.0, note: "all On-Demand") {
            r.fraction($0, $1, "spot_share")
        }
        let floor = r.optional("on_demand_floor", "a whole number of nodes", default: 1, note: "one On-Demand node") {
            r.positiveInt($0, $1, "on_demand_floor", min: 0, max: 10_000)
        }
        var requested: String?
        let bucket = r.optional(
            "interruption_limit", "a Spot Advisor bucket", default: InterruptionBucket.from5to10, note: "5-10%"
        ) {
            t, n -> InterruptionBucket? in
            if let b = InterruptionBucket.parse(t) { return b }
            let compact = t.replacingOccurrences(of: " ", with: "")
            if compact.hasPrefix("<"), let pct = Double(compact.dropFirst().replacingOccurrences(of: "%", with: "")),
                pct < 5
            {
                requested = t
                return .under5
            }
            r.ctx.problem(
                n, r.fieldPath("interruption_limit"), "'\(t)' is not a Spot Advisor bucket",
                fix: "use one of " + InterruptionBucket.allCases.map(\.label).joined(separator: ", "))
            return nil
        }
        let nodeStart = r.optional("node_start", "a duration", default: Seconds(60), note: "60 s (Karpenter ≈ 30–60 s)")
        {
            r.duration($0, $1, "node_start", max: TimeUnits.secondsPerHour)
        }
        let podStart = r.optional(
            "pod_start", "a duration", default: Seconds(20), note: "20 s image pull and readiness"
        ) {
            r.duration($0, $1, "pod_start", max: TimeUnits.secondsPerHour)
        }
        let sysCPU = r.optional(
            "system_reserved_cpu", "vCPU per node", default: 0.25, note: "0.25 vCPU for kubelet and DaemonSets"
        ) {
            r.number($0, $1, "system_reserved_cpu", range: 0...64)
        }
        let sysMem = r.optional(
            "system_reserved_memory", "a size", default: Bytes(1_073_741_824), note: "1GiB for kubelet and DaemonSets"
        ) {
            r.bytes($0, $1, "system_reserved_memory")
        }
        let baseline = r.optional(
            "baseline_rps", "requests/s outside sales", default: 0.0,
            note: "no traffic between sales (fleet only for events)"
        ) { r.number($0, $1, "baseline_rps", range: 0...100_000_000) }
        let minPods = r.optional("min_pods", "a whole number", default: 0, note: "no always-on pods") {
            r.positiveInt($0, $1, "min_pods", min: 0, max: 100_000)
        }
        r.finish()
        guard let rps, let nodes else { return nil }
        return GatewaySpec(
            rpsPerPod: rps, podCPU: cpu, podMemory: memory, hpaTarget: hpa, nodeCandidates: nodes, spotShare: spot,
            onDemandFloor: floor, interruptionLimit: bucket, requestedInterruption: requested, nodeStart: nodeStart,
            podStart: podStart, systemReservedCPU: sysCPU, systemReservedMemory: sysMem, baselineRPS: baseline,
            minPods: minPods)
    }
}
