import Foundation

/// Gateway pods and the nodes they pack onto, with the Spot/On-Demand split and pre-warm (Docs/Model.md §4).
/// Quantities only: `Costing.price` joins the instance-hour prices (`PricedGateway`).
public struct GatewaySizing: Codable, Hashable, Sendable {
    public struct NodeOption: Codable, Hashable, Sendable {
        public var nodeType: String
        public var architecture: String
        public var podsPerNode: Int
        public var nodes: Int
        public var onDemandNodes: Int
        public var spotNodes: Int
        /// The Spot Advisor's savings and interruption bucket for this type; nil when it has no data.
        public var spot: SpotAdvice?
        /// Spot allowed for this type: its interruption bucket is within the plan's limit.
        public var spotAllowed: Bool
        /// At least one pod fits the type's allocatable CPU and memory.
        public var feasible: Bool
        /// Why no pod fits, or the packing and the Spot Advisor's word on the type.
        public var note: String
        /// Of `nodes`, those that run all month for the baseline (`baseline_rps`, `min_pods`); the rest run for
        /// the event only.
        public var baselineNodes = 0
        public var baselineOnDemandNodes = 0
        public var baselineSpotNodes = 0
    }

    /// The one pre-warm model (Docs/Model.md §6, "Pre-warm"): when the crowd arrives faster than a node and its pod
    /// can start, every event node is started On-Demand `leadSeconds` (node start + pod start) before the sale, so
    /// the peak's pods are Ready when it opens. The estimate's cost line and `simulate --prewarm auto` both read it.
    public struct PreWarm: Codable, Hashable, Sendable {
        public var needed: Bool
        /// Seconds before the sale the full capacity must start launching.
        public var leadSeconds: Double
        /// Event nodes (the peak's nodes minus the always-on ones) started before the sale.
        public var nodes: Int
        /// Gateway pods held Ready from before the sale: the peak's pods (0 when no pre-warm is needed).
        public var pods: Int = 0
        public var reason: String

        /// The lead time in hours, exact: seconds ÷ 3,600.
        public var leadHours: Decimal {
            Decimal(exactly: leadSeconds) / Decimal(exactly: TimeUnits.secondsPerHour)
        }

        public init(needed: Bool, leadSeconds: Double, nodes: Int, pods: Int = 0, reason: String) {
            self.needed = needed
            self.leadSeconds = leadSeconds
            self.nodes = nodes
            self.pods = pods
            self.reason = reason
        }

        enum CodingKeys: String, CodingKey { case needed, leadSeconds, nodes, pods, reason }

        /// Estimate files written before `pods` existed read as 0 pods.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            needed = try c.decode(Bool.self, forKey: .needed)
            leadSeconds = try c.decode(Double.self, forKey: .leadSeconds)
            nodes = try c.decode(Int.self, forKey: .nodes)
            pods = try c.decodeIfPresent(Int.self, forKey: .pods) ?? 0
            reason = try c.decode(String.self, forKey: .reason)
        }
    }

    public var pods: Int
    /// Pods running all month: max(min_pods, ⌈baseline requests/s ÷ (requests/s per pod × HPA target)⌉).
    public var baselinePods = 0
    public var options: [NodeOption]
    public var chosen: NodeOption?
    public var spotEligibleTypes: Int
    public var preWarm: PreWarm

    /// Sizes every node candidate and chooses the cheapest feasible one by `Costing.gatewayHourly` at `prices`.
    static func size(_ input: EstimateInput, traffic: Traffic, prices: OptionPrices, _ ledger: inout Ledger)
        -> GatewaySizing
    {
        let g = input.plan.gateway
        let perPod = g.rpsPerPod * g.hpaTarget
        let pods = Int((traffic.gatewayRate / perPod).rounded(.up))
        ledger.record(
            "gateway.pods", "Gateway pods", value: Double(pods), unit: "pods", display: "\(pods)",
            formula: "⌈gateway requests/s ÷ (requests/s per pod × HPA target)⌉ (Docs/Model.md §4)",
            arithmetic:
                "⌈\(Format.rate(traffic.gatewayRate)) ÷ (\(Format.number(g.rpsPerPod)) × \(Format.percent(g.hpaTarget)))⌉ = \(pods) pods",
            inputs: [
                ledger.ref("traffic.gateway_rate", "gateway requests/s"),
                FigureInput("rps_per_pod", Format.number(g.rpsPerPod), input.from("gateway.rps_per_pod")),
                FigureInput("hpa_target", Format.percent(g.hpaTarget), input.from("gateway.hpa_target")),
            ])
        let baselinePods = min(pods, max(g.minPods, Int((g.baselineRPS / perPod).rounded(.up))))
        if baselinePods > 0 {
            ledger.record(
                "gateway.baseline_pods", "Always-on gateway pods", value: Double(baselinePods), unit: "pods",
                display: "\(baselinePods)",
                formula:
                    "max(min_pods, ⌈baseline requests/s ÷ (requests/s per pod × HPA target)⌉), at most the peak pods",
                arithmetic:
                    "max(\(g.minPods), ⌈\(Format.rate(g.baselineRPS)) ÷ (\(Format.number(g.rpsPerPod)) × \(Format.percent(g.hpaTarget)))⌉) = \(baselinePods) pods",
                inputs: [
                    FigureInput("baseline_rps", Format.rate(g.baselineRPS), input.from("gateway.baseline_rps")),
                    FigureInput("min_pods", "\(g.minPods)", input.from("gateway.min_pods")),
                ])
        }
        let options = g.nodeCandidates.map { option($0, pods: pods, baselinePods: baselinePods, input: input) }
        let eligible = options.filter(\.spotAllowed).count
        let priced = options.compactMap { o in
            Costing.gatewayHourly(o, quote: prices.instance(o.nodeType)).map { (o, $0) }
        }
        let chosen =
            priced.min { ($0.1.amount, $0.0.nodeType) < ($1.1.amount, $1.0.nodeType) }?.0
            ?? options.first(where: \.feasible)
        let startup = g.nodeStart.value + g.podStart.value
        let needed = input.plan.event.ramp.value < startup
        let surge = (chosen?.nodes ?? 0) - (chosen?.baselineNodes ?? 0)
        let preWarm = PreWarm(
            needed: needed && surge > 0, leadSeconds: needed && surge > 0 ? startup : 0, nodes: needed ? surge : 0,
            pods: needed && surge > 0 ? pods : 0,
            reason: needed
                ? "the crowd arrives in \(Format.seconds(input.plan.event.ramp)), faster than node start + pod start (\(Format.number(startup)) s): all \(surge) event nodes must be running \(Format.number(startup)) s before the sale opens"
                : "the ramp (\(Format.seconds(input.plan.event.ramp))) is slower than node + pod start (\(Format.number(startup)) s); Karpenter can follow it"
        )
        ledger.record(
            "gateway.prewarm_lead", "Pre-warm lead time", value: preWarm.leadSeconds, unit: "s",
            display: needed ? "\(Format.number(startup)) s before the sale" : "not needed",
            formula: "if ramp < node start + pod start: lead = node start + pod start (Docs/Model.md §4)",
            arithmetic:
                "ramp \(Format.seconds(input.plan.event.ramp)) vs \(Format.seconds(g.nodeStart)) + \(Format.seconds(g.podStart)) = \(Format.number(startup)) s → \(needed ? "pre-warm" : "no pre-warm")",
            inputs: [
                FigureInput("ramp", Format.seconds(input.plan.event.ramp), input.from("event.ramp")),
                FigureInput("node_start", Format.seconds(g.nodeStart), input.from("gateway.node_start")),
                FigureInput("pod_start", Format.seconds(g.podStart), input.from("gateway.pod_start")),
            ])
        if let c = chosen {
            ledger.record(
                "gateway.nodes", "Gateway nodes", value: Double(c.nodes), unit: "nodes",
                display: "\(c.nodes) × \(c.nodeType) (\(c.onDemandNodes) On-Demand + \(c.spotNodes) Spot)",
                formula: "⌈pods ÷ pods per node⌉; Spot = ⌊nodes × spot share⌋, On-Demand ≥ floor (Docs/Model.md §4)",
                arithmetic:
                    "⌈\(pods) ÷ \(c.podsPerNode)⌉ = \(c.nodes); Spot \(c.spotNodes), On-Demand \(c.onDemandNodes)",
                inputs: [
                    ledger.ref("gateway.pods", "pods"),
                    FigureInput("spot_share", Format.percent(g.spotShare), input.from("gateway.spot_share")),
                    FigureInput("on_demand_floor", "\(g.onDemandFloor)", input.from("gateway.on_demand_floor")),
                ]
                    + (c.spot.map {
                        [
                            FigureInput(
                                "Spot savings", "\($0.savingsPercent) % (\($0.bucket.label))",
                                "Spot Advisor \($0.region) \($0.instanceType) captured \($0.capturedOn): \($0.source)")
                        ]
                    } ?? []))
        }
        return GatewaySizing(
            pods: pods, baselinePods: baselinePods, options: options, chosen: chosen, spotEligibleTypes: eligible,
            preWarm: preWarm)
    }

    /// Pods one node holds: allocatable CPU and memory (node minus system reserve) ÷ pod requests (Docs/Model.md §4).
    static func packing(_ spec: InstanceSpec?, _ g: GatewaySpec) -> (
        podsPerNode: Int, allocCPU: Double, allocMemory: Double
    ) {
        let allocCPU = Double(spec?.vcpu ?? 0) - g.systemReservedCPU
        let allocMem = (spec?.memoryGiB ?? 0) * Bytes.gib - g.systemReservedMemory.value
        let byCPU = allocCPU > 0 ? Int((allocCPU / g.podCPU).rounded(.down)) : 0
        let byMem = allocMem > 0 ? Int((allocMem / g.podMemory.value).rounded(.down)) : 0
        return (min(byCPU, byMem), allocCPU, allocMem)
    }

    /// The On-Demand/Spot split of `nodes`: ⌊nodes × Spot share⌋ Spot when the type is allowed, then at least
    /// the On-Demand floor (Docs/Model.md §4).
    static func split(_ nodes: Int, spotAllowed: Bool, _ g: GatewaySpec) -> (onDemand: Int, spot: Int) {
        var spot = spotAllowed ? Int((Double(nodes) * g.spotShare).rounded(.down)) : 0
        var onDemand = nodes - spot
        if onDemand < g.onDemandFloor {
            onDemand = min(nodes, g.onDemandFloor)
            spot = nodes - onDemand
        }
        return (onDemand, spot)
    }

    static func option(_ type: String, pods: Int, baselinePods: Int = 0, input: EstimateInput) -> NodeOption {
        let g = input.plan.gateway
        let spec = input.book.specs[type]
        let (perNode, allocCPU, allocMem) = packing(spec, g)
        let spot = input.book.spot[type]
        let spotAllowed = spot.map { $0.bucket <= g.interruptionLimit } ?? false
        var o = NodeOption(
            nodeType: type, architecture: spec?.architecture.rawValue ?? "?", podsPerNode: perNode, nodes: 0,
            onDemandNodes: 0, spotNodes: 0, spot: spot, spotAllowed: spotAllowed, feasible: false, note: "")
        guard perNode > 0 else {
            o.note =
                "a pod (\(Format.number(g.podCPU)) vCPU, \(Format.gibibytes(g.podMemory.value))) does not fit the allocatable \(Format.number(allocCPU)) vCPU / \(Format.gibibytes(allocMem))"
            return o
        }
        let nodes = max(Int((Double(pods) / Double(perNode)).rounded(.up)), 1)
        let (onDemand, spotNodes) = split(nodes, spotAllowed: spotAllowed, g)
        let baseNodes = baselinePods > 0 ? Int((Double(baselinePods) / Double(perNode)).rounded(.up)) : 0
        (o.baselineOnDemandNodes, o.baselineSpotNodes) = split(baseNodes, spotAllowed: spotAllowed, g)
        o.baselineNodes = baseNodes
        o.nodes = nodes
        o.spotNodes = spotNodes
        o.onDemandNodes = onDemand
        o.feasible = true
        let spotNote =
            spot == nil
            ? "no Spot Advisor data"
            : (spotAllowed
                ? "Spot \(spot?.savingsPercent ?? 0) % off, \(spot?.bucket.label ?? "")"
                : "Spot excluded: interruption \(spot?.bucket.label ?? "") worse than \(g.interruptionLimit.label)")
        o.note = "\(perNode) pods per node; \(spotNote)"
        return o
    }
}
