import Foundation

/// The unit prices the options of one estimate are costed with: the quotes in force on the input's as-of day in
/// the plan's region (Docs/Model.md §6), looked up through the `PriceKey` factories. Sizing receives them as data
/// only to rank options by `Costing`'s price; `Costing` alone joins them onto the sized quantities.
public struct OptionPrices: Sendable {
    public var sheet: PriceSheet
    public var region: String
    /// The cache engine the ElastiCache node-hours are priced for.
    public var engine: Engine
    /// The day the quotes are in force.
    public var asOf: Day

    public init(_ input: EstimateInput) {
        sheet = input.book.sheet
        region = input.plan.event.region
        engine = input.plan.redis.engine
        asOf = input.asOf
    }

    /// The On-Demand node-hour of ElastiCache `nodeType` under the plan's engine; nil = UNPRICED.
    public func cacheNode(_ nodeType: String) -> PriceQuote? {
        sheet.quote(.elastiCacheNode(nodeType, engine: engine, region: region))
    }

    /// The On-Demand Linux instance-hour of EC2 `instanceType`; nil = UNPRICED.
    public func instance(_ instanceType: String) -> PriceQuote? {
        sheet.quote(.ec2Instance(instanceType, region: region))
    }
}
