/// The bill columns tacoplan reads, named after FOCUS 1.2 (the CUR 2.0 source of each is in `BillFormat`).
public enum BillField: String, CaseIterable, Sendable {
    case billedCost = "BilledCost", effectiveCost = "EffectiveCost", listCost = "ListCost"
    case currency = "BillingCurrency", accountId = "BillingAccountId", accountName = "BillingAccountName"
    case subAccountId = "SubAccountId"
    case chargeStart = "ChargePeriodStart", chargeEnd = "ChargePeriodEnd"
    case chargeCategory = "ChargeCategory", chargeClass = "ChargeClass", chargeDescription = "ChargeDescription"
    case serviceName = "ServiceName", serviceCode = "x_ServiceCode", providerName = "ProviderName"
    case regionId = "RegionId", pricingCategory = "PricingCategory"
    case commitmentType = "CommitmentDiscountType", commitmentId = "CommitmentDiscountId"
    case consumedQuantity = "ConsumedQuantity", consumedUnit = "ConsumedUnit"
    case pricingQuantity = "PricingQuantity", pricingUnit = "PricingUnit"
    case skuPriceId = "SkuPriceId", skuPriceDetails = "SkuPriceDetails", resourceId = "ResourceId"
    case usageType = "x_UsageType", instanceType = "x_InstanceType", tags = "Tags"
}

/// Each field's position in `allCases`, for array-indexed column lookups on the per-row path (a `switch`, not a
/// dictionary: hashing an enum per cell costs a few per cent of a bill import).
extension BillField {
    var ordinal: Int {
        switch self {
        case .billedCost: 0
        case .effectiveCost: 1
        case .listCost: 2
        case .currency: 3
        case .accountId: 4
        case .accountName: 5
        case .subAccountId: 6
        case .chargeStart: 7
        case .chargeEnd: 8
        case .chargeCategory: 9
        case .chargeClass: 10
        case .chargeDescription: 11
        case .serviceName: 12
        case .serviceCode: 13
        case .providerName: 14
        case .regionId: 15
        case .pricingCategory: 16
        case .commitmentType: 17
        case .commitmentId: 18
        case .consumedQuantity: 19
        case .consumedUnit: 20
        case .pricingQuantity: 21
        case .pricingUnit: 22
        case .skuPriceId: 23
        case .skuPriceDetails: 24
        case .resourceId: 25
        case .usageType: 26
        case .instanceType: 27
        case .tags: 28
        }
    }
}

/// The two export formats `bill import` reads, told apart by their header.
public enum BillFormat: String, Codable, Sendable, CaseIterable {
    /// FOCUS 1.0 – 1.2 (FinOps Foundation), as AWS Data Exports writes it "with AWS columns" (`x_…`).
    case focus
    /// AWS CUR 2.0 (Data Exports `COST_AND_USAGE_REPORT`), snake_case columns.
    case cur2

    /// The format of a header: FOCUS when it has `BilledCost`, CUR 2.0 when it has `line_item_unblended_cost`.
    public static func detect(_ header: [String]) -> BillFormat? {
        if header.contains("BilledCost") { return .focus }
        if header.contains("line_item_unblended_cost") { return .cur2 }
        return nil
    }

    /// The columns a file must have: FOCUS 1.2 mandatory columns tacoplan needs, or their CUR 2.0 sources.
    public var required: [BillField] {
        [.billedCost, .currency, .accountId, .chargeStart, .chargeEnd, .chargeCategory, .serviceName]
            + (self == .focus ? [.providerName] : [])
    }

    /// Column names that supply `field`, first present wins. CUR 2.0 sources follow the FinOps Foundation's
    /// focus_converters (conversion_rules_export/csv/aws-cur.csv) and the AWS CUR 2.0 data dictionary.
    public func columns(_ field: BillField) -> [String] {
        switch self {
        case .focus:
            switch field {
            case .providerName: ["ProviderName", "ServiceProviderName"]
            case .serviceCode: ["x_ServiceCode"]
            default: [field.rawValue]
            }
        case .cur2:
            switch field {
            case .billedCost: ["line_item_net_unblended_cost", "line_item_unblended_cost"]
            case .listCost: ["pricing_public_on_demand_cost"]
            case .effectiveCost: []
            case .currency: ["line_item_currency_code"]
            case .accountId: ["bill_payer_account_id"]
            case .accountName: ["bill_payer_account_name"]
            case .subAccountId: ["line_item_usage_account_id"]
            case .chargeStart: ["line_item_usage_start_date"]
            case .chargeEnd: ["line_item_usage_end_date"]
            case .chargeCategory: ["line_item_line_item_type"]
            case .chargeClass: []
            case .chargeDescription: ["line_item_line_item_description"]
            case .serviceName: ["line_item_product_code"]
            case .serviceCode: ["line_item_product_code"]
            case .providerName: []
            case .regionId: ["product_region_code"]
            case .pricingCategory: ["pricing_term"]
            case .commitmentType: []
            case .commitmentId: ["savings_plan_savings_plan_a_r_n", "reservation_reservation_a_r_n"]
            case .consumedQuantity, .pricingQuantity: ["line_item_usage_amount"]
            case .consumedUnit, .pricingUnit: ["pricing_unit"]
            case .skuPriceId: ["product_sku"]
            case .skuPriceDetails: []
            case .resourceId: ["line_item_resource_id"]
            case .usageType: ["line_item_usage_type"]
            case .instanceType: ["product_instance_type"]
            case .tags: ["resource_tags"]
            }
        }
    }
}
