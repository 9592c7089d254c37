/// Why a row the planner would otherwise price was refused. Every stored price is a price: a row that fails one of
/// these checks is never written, and the import summary counts it under its reason (see Docs/PricingImport.md,
/// "Row validation").
public enum RejectReason: String, CaseIterable, Sendable, Comparable, Hashable {
    /// Empty, `abc`, `NaN`, `Infinity`, `1e400`, `1,234.5`: only `digits[.digits]` is a price.
    case notANumber = "price is not a plain decimal number"
    case negative = "price is negative"
    /// Outside `PriceRange` for the row's unit (e.g. `99999999999999999999999` USD an hour).
    case outOfRange = "price is outside the sane range for its unit"
    /// Empty or another code: an empty Currency is not taken as USD.
    case currency = "currency is not USD"
    /// Not in `AWSRegion.codes` (`../x`, `us-east-1; curl … | sh #`, a local zone).
    case unknownRegion = "region is not a known AWS Region code"
    /// Before `ValueRules.earliestEffectiveDate` or more than `ValueRules.effectiveDateLeadDays` after today.
    case implausibleEffectiveDate = "effective date is implausible (before 2006 or more than two years ahead)"
    /// Spot Advisor savings outside `ValueRules.spotSavingsPercent` (0 ≤ s < 100).
    case spotSavings = "Spot savings are outside 0–99 %"
    /// A Spot Advisor interruption bucket outside `ValueRules.spotBuckets`, or a missing one.
    case spotBucket = "Spot interruption bucket is not one AWS publishes (0–4)"
    case unknownUnit = "unit is not one tacoplan knows for this product"
    /// Empty, `not-a-date`, `2025-13-45`: never replaced by another date.
    case badEffectiveDate = "effective date is not a valid YYYY-MM-DD date"
    /// `../../etc` is not an instance or node type.
    case badProduct = "product is not an instance or node type"
    /// A vCPU column holding a decimal: the price and vCPU columns look swapped or mislabelled.
    case mislabelledColumns = "vCPU holds a decimal: the columns look swapped or mislabelled"
    /// Another row of the same file gives the same key and day a different price.
    case conflict = "another row of the file gives the same key a different price"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
