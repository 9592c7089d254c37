import Foundation

/// What the attribution of a billed row reads (`BillResource.of`) and nothing else: rows with the same charge are
/// attributed alike, so a bill of millions of rows is reconciled from its few thousand distinct charges with their
/// sums — in SQLite (`reconcile`), or in the account's warehouse (`reconcile --sql`, `--from-aggregate`).
public struct BillCharge: Hashable, Sendable {
    public var provider: String
    public var currency: String
    public var chargeCategory: String
    public var chargeClass: String?
    public var serviceName: String
    public var serviceCode: String?
    public var usageType: String?
    public var pricingUnit: String?
    public var consumedUnit: String?
    public var chargeDescription: String?
    public var instanceType: String?
    public var pricing: BillPricing?
    /// True when the row names a commitment (CommitmentDiscountId / a reservation or Savings Plan ARN).
    public var committed: Bool

    public init(
        provider: String, currency: String, chargeCategory: String, chargeClass: String? = nil, serviceName: String,
        serviceCode: String? = nil, usageType: String? = nil, pricingUnit: String? = nil, consumedUnit: String? = nil,
        chargeDescription: String? = nil, instanceType: String? = nil, pricing: BillPricing? = nil,
        committed: Bool = false
    ) {
        self.provider = provider
        self.currency = currency
        self.chargeCategory = chargeCategory
        self.chargeClass = chargeClass
        self.serviceName = serviceName
        self.serviceCode = serviceCode
        self.usageType = usageType
        self.pricingUnit = pricingUnit
        self.consumedUnit = consumedUnit
        self.chargeDescription = chargeDescription
        self.instanceType = instanceType
        self.pricing = pricing
        self.committed = committed
    }

    /// True for Amazon Web Services rows, the only ones attributed to a plan.
    public var isAWS: Bool {
        let p = provider.lowercased()
        return p == "aws" || p.hasPrefix("amazon web services")
    }
}

/// The rows of one charge summed: Σ BilledCost, Σ quantity (ConsumedQuantity, else PricingQuantity), the row count
/// and the first file lines (empty when the sums come from a warehouse).
public struct BillChargeSum: Sendable {
    public var charge: BillCharge
    public var billedCost: Decimal
    public var quantity: Decimal
    public var rows: Int
    public var lines: [Int]

    public init(charge: BillCharge, billedCost: Decimal, quantity: Decimal, rows: Int, lines: [Int] = []) {
        self.charge = charge
        self.billedCost = billedCost
        self.quantity = quantity
        self.rows = rows
        self.lines = lines
    }
}

extension BillRow {
    /// The part of the row the attribution reads.
    public var charge: BillCharge {
        BillCharge(
            provider: provider, currency: currency, chargeCategory: chargeCategory, chargeClass: chargeClass,
            serviceName: serviceName, serviceCode: serviceCode, usageType: usageType, pricingUnit: pricingUnit,
            consumedUnit: consumedUnit, chargeDescription: chargeDescription, instanceType: instanceType,
            pricing: pricing, committed: commitmentId != nil)
    }
}
