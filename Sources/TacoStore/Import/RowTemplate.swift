import TacoCore

/// The part of a row's verdict that does not depend on its price or SKU (`PlannerSelection.template`): the checks
/// in the order `PlannerSelection.verdict` runs them, the price row to keep without its price and SKU, its conflict
/// key and, for an on-demand row, its instance spec. A large price list repeats one template on many rows (one per
/// instance type, region and term), so a CSV batch builds it once and finishes it per row with the row's price.
/// Immutable once built, so batches on two threads and the importer's thread may read it at once.
final class RowTemplate: @unchecked Sendable {
    /// The planner unit, or the AWS unit text it does not know (`RejectReason.unknownUnit`).
    enum Unit {
        case known(String)
        case unknown(String)
    }

    /// What the price decides: skip (a free tier band), reject with the reason and the value to show, or keep with
    /// the price's value (for range, conflict and whole-number checks).
    enum Verdict {
        case skip
        case reject(RejectReason, String)
        case keep(Double)
    }

    /// No tier range, or `0`…`Inf`: a zero price is then kept (the hourly part of an All Upfront reservation), while
    /// a zero-priced band of a tiered price (a free tier) is dropped.
    let flat: Bool
    /// The currency to show when it is not USD.
    let currencyProblem: String?
    /// The product name to show when it is not an instance or node type.
    let productProblem: String?
    let unit: Unit
    let isReserved: Bool
    /// A vCPU holding a decimal or an invalid effective date: checked after the price range.
    let lateProblem: (RejectReason, String)?
    /// The row to keep, with an empty price and SKU.
    let prototype: PriceRow
    /// `ImportSession.conflictKey(prototype)`, hashed once, with the key's fields.
    let key: ConflictKey
    let spec: SpecRow?
    /// The price the import session holds for `key` (`ImportSession.keep`), so a repeated row skips the session's
    /// key lookup; with the session's generation it was set in. Read and written only by the importer's thread
    /// (the worker lanes never touch it), which is what `@unchecked Sendable` relies on for this field.
    var settledPrice: (generation: Int, price: Substring)?

    init(
        flat: Bool, currencyProblem: String?, productProblem: String?, unit: Unit, isReserved: Bool,
        lateProblem: (RejectReason, String)?, prototype: PriceRow, spec: SpecRow?
    ) {
        self.flat = flat
        self.currencyProblem = currencyProblem
        self.productProblem = productProblem
        self.unit = unit
        self.isReserved = isReserved
        self.lateProblem = lateProblem
        self.prototype = prototype
        key = ConflictKey(prototype)
        self.spec = spec
    }

    /// The verdict for one price: `price` is `PriceText.parse(usd)`. The checks run in `PlannerSelection.verdict`'s
    /// order, so a row failing several is refused for the same reason as before.
    func verdict(price: PriceText.Parsed, usd: @autoclosure () -> String) -> Verdict {
        if !flat && price == .value(0) { return .skip }
        if let currencyProblem { return .reject(.currency, currencyProblem) }
        let value: Double
        switch price {
        case .value(let number): value = number
        case .negative: return .reject(.negative, usd())
        case .notANumber: return .reject(.notANumber, usd())
        }
        if let productProblem { return .reject(.badProduct, productProblem) }
        let unitName: String
        switch unit {
        case .known(let name): unitName = name
        case .unknown(let text): return .reject(.unknownUnit, text)
        }
        guard PriceRange.contains(value, unit: unitName, reserved: isReserved) else {
            return .reject(.outOfRange, "\(usd()) per \(unitName)")
        }
        if let (reason, shown) = lateProblem { return .reject(reason, shown) }
        return .keep(value)
    }

    /// The row to store: the prototype with the row's price and SKU.
    func row(usd: String, sku: String) -> PriceRow {
        var row = prototype
        row.usd = usd
        row.sku = sku
        return row
    }
}

/// A row's `price` UNIQUE key within one file (`ImportSession.conflictKey`) with its hash worked out once, so the
/// importer's thread looks a repeated key up without hashing its text again (and, for the same template, without
/// comparing it: identical objects are equal keys), and the key fields it checks and shows.
final class ConflictKey: Hashable, Sendable {
    let text: String
    let hash: Int
    let region, product, purchaseOption, unit, effectiveFrom: String
    /// The unit is `hour` (the mislabelled-price-column check counts hourly prices).
    let isHourly: Bool

    init(_ row: PriceRow) {
        text = ImportSession.conflictKey(row)
        hash = text.hashValue
        region = row.region
        product = row.product
        purchaseOption = row.purchaseOption
        unit = row.unit
        effectiveFrom = row.effectiveFrom
        isHourly = row.unit == "hour"
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: ConflictKey, b: ConflictKey) -> Bool { a === b || (a.hash == b.hash && a.text == b.text) }
}
