import Foundation

/// The cheapest arm64 vs x86_64 gateway option per 1,000 RPS-hour (Docs/Model.md §7).
enum GatewayArchitectureRule: FindingRule {
    /// Graviton vs x86 for this plan's gateway: cost per 1,000 RPS at the same HPA target (Docs/Model.md §4).
    static func findings(_ facts: EstimateFacts) -> [Finding] {
        let e = facts.parts
        func cheapest(_ arch: String) -> PricedGateway.Option? {
            e.gateway.options.filter { $0.architecture == arch && $0.feasible && $0.hourly != nil }
                .min { ($0.hourly?.amount ?? 0, $0.nodeType) < ($1.hourly?.amount ?? 0, $1.nodeType) }
        }
        guard let arm = cheapest("arm64"), let x86 = cheapest("x86_64"), let a = arm.hourly, let x = x86.hourly,
            e.traffic.gatewayRate > 0
        else { return [] }
        let per1k = Decimal(exactly: e.traffic.gatewayRate / 1000)
        let armPer1k = Money(a.amount / per1k)
        let x86Per1k = Money(x.amount / per1k)
        let delta = ((a.amount - x.amount) / x.amount).doubleValue * 100
        let msg =
            "Cheapest arm64 option \(arm.nodeType) × \(arm.nodes): \(Format.usd(a, places: 4))/h = \(Format.usd(armPer1k, places: 4)) per 1,000 RPS-hour; cheapest x86_64 option \(x86.nodeType) × \(x86.nodes): \(Format.usd(x, places: 4))/h = \(Format.usd(x86Per1k, places: 4)) per 1,000 RPS-hour (\(Findings.signed(delta)) % for Graviton, same pods and HPA target; Spot split and interruption limits applied to both)."
        return [
            Finding(
                id: "gateway-architecture", severity: .info, title: "Gateway: Graviton vs x86 per 1,000 RPS",
                message: msg, claim: nil)
        ]
    }
}
