import TacoCore

/// Which Price List rows the planner prices, and how they map to its `PriceKey` vocabulary (`pricing/prices.csv`).
///
/// - EC2: Compute Instance, Linux, Shared tenancy, no pre-installed software, "No License required",
///   CapacityStatus `Used` (the others are capacity-reservation line items), hourly.
/// - ElastiCache: node usage (`NodeUsage:cache.…`, which excludes Extended Support SKUs) for Redis, Valkey, Memcached.
/// - DynamoDB: `WriteRequestUnits`, `ReadRequestUnits`, `WriteCapacityUnit-Hrs`, `ReadCapacityUnit-Hrs` (region
///   prefix stripped); Standard-IA (`IA-…`) and replicated (`Repl…`) usage only with `includeDynamoDBExtras`.
/// Reserved terms are kept as `reserved-<lease>-<purchase option>-<offering class>`, e.g.
/// `reserved-1yr-no-upfront-standard`, hourly (`hour`) and the upfront fee (`upfront`, USD once per term).
struct PlannerSelection {
    enum Offer: String, CaseIterable {
        case ec2 = "AmazonEC2", elasticache = "AmazonElastiCache", dynamodb = "AmazonDynamoDB", eks = "AmazonEKS"
        var service: Service {
            switch self {
            case .ec2: .ec2
            case .elasticache: .elasticache
            case .dynamodb: .dynamodb
            case .eks: .eks
            }
        }
    }

    var offer: Offer
    var includeDynamoDBExtras = false

    /// The verdict on `item` without its price and SKU: nil when the planner does not use the item (another OS,
    /// term, tenancy), else its checks in order and the row to keep, finished per row with its price
    /// (`RowTemplate.verdict`: a free tier band is skipped; a row the planner would price is refused with its
    /// reason when its price, currency, unit, date or product name is not valid, see `RejectReason`).
    /// A pure function of the item's text, so a CSV batch reuses one template for every row whose columns other
    /// than the SKU and the price are the same bytes (`VerdictMemo`).
    func template(_ item: OfferItem, from provenance: Provenance) -> RowTemplate? {
        guard let term = Self.purchaseTerm(item), let mapped = product(item),
            let region = RegionNames.region(code: item["regioncode"], location: item["location"])
        else { return nil }
        let flat =
            (item.beginRange.isEmpty || item.beginRange == "0") && (item.endRange.isEmpty || item.endRange == "Inf")
        let currency = item.currency == ValueRules.currency ? nil : item.currency.isEmpty ? "(empty)" : item.currency
        let badProduct =
            offer != .dynamodb && offer != .eks
            && !ProductName.isInstanceType(mapped.product, nodeType: offer == .elasticache)
        let isReserved = term != nil
        let unit: String?
        switch item.unit {
        case "Hrs" where offer != .dynamodb, "Hours" where offer == .eks, "hours" where offer == .eks:
            unit = "hour"
        case "Quantity" where isReserved:
            unit = "upfront"
        case let u where offer == .dynamodb && u.hasSuffix("RequestUnits"):
            unit = "request-unit"
        case let u where offer == .dynamodb && u.hasSuffix("CapacityUnit-Hrs"):
            unit = "capacity-unit-hour"
        default:
            unit = nil
        }
        var late: (RejectReason, String)?
        let vcpu = item["vcpu"]
        // A file without an effective-date column (never seen in AWS files) takes its publication date; a present
        // but empty or invalid date is refused, never replaced.
        let dayText = provenance.hasEffectiveDates ? item.effectiveDate : provenance.publication
        let day = Day(iso: dayText)?.description
        if offer != .dynamodb && offer != .eks && vcpu.utf8.contains(UInt8(ascii: ".")) {
            late = (.mislabelledColumns, vcpu)
        } else if day == nil {
            late = (.badEffectiveDate, dayText)
        }
        let purchaseOption: String
        if let term {
            purchaseOption = term
        } else if offer == .dynamodb && unit == "capacity-unit-hour" {
            purchaseOption = "provisioned"
        } else {
            purchaseOption = "on-demand"
        }
        var row = PriceRow(
            service: offer.service.rawValue, region: region, product: mapped.product, engineOS: mapped.engineOS,
            purchaseOption: purchaseOption, unit: unit ?? "", usd: "", effectiveFrom: day ?? "",
            source: provenance.source, confidence: "aws-price-list")
        row.sourceFile = provenance.fileName
        row.publication = provenance.publication
        row.version = provenance.version
        row.term = isReserved ? "Reserved" : "OnDemand"
        row.leaseLength = item.leaseLength
        row.reservedPurchaseOption = item.purchaseOption
        row.offeringClass = item.offeringClass
        row.note = item["usagetype"]
        return RowTemplate(
            flat: flat, currencyProblem: currency, productProblem: badProduct ? mapped.product : nil,
            unit: unit.map { .known($0) } ?? .unknown(item.unit), isReserved: isReserved, lateProblem: late,
            prototype: row, spec: isReserved ? nil : specRow(item, from: provenance))
    }

    /// nil (double optional's inner nil) for on-demand, the reserved purchase option for reserved terms;
    /// the outer nil rejects other term types.
    static func purchaseTerm(_ item: OfferItem) -> String?? {
        let reserved = !item.leaseLength.isEmpty
        switch item.termType {
        case "OnDemand" where !reserved: return .some(nil)
        case "Reserved", "OnDemand":
            guard reserved else { return nil }
            var term = "reserved"
            for part in [item.leaseLength, item.purchaseOption, item.offeringClass] where !part.isEmpty {
                term += "-" + slug(part)
            }
            return .some(term)
        default: return nil
        }
    }

    /// `No Upfront` → `no-upfront`, `1 yr` → `1yr`.
    static func slug(_ text: String) -> String {
        // The spellings AWS uses, answered without allocating; the general rule below gives the same result.
        switch text {
        case "1yr", "3yr", "standard", "convertible": return text
        case "No Upfront": return "no-upfront"
        case "Partial Upfront": return "partial-upfront"
        case "All Upfront": return "all-upfront"
        default: break
        }
        let lower = text.lowercased()
        if lower.hasSuffix(" yr") || lower.hasSuffix(" year") {
            return lower.split(separator: " ").first.map { "\($0)yr" } ?? lower
        }
        return lower.split(separator: " ").joined(separator: "-")
    }

    /// The planner's product and engine/OS for an item, or nil when it is not a product the planner prices.
    func product(_ item: OfferItem) -> (product: String, engineOS: String)? {
        switch offer {
        case .ec2:
            guard item["productfamily"] == "Compute Instance", item["operatingsystem"] == "Linux",
                item["tenancy"] == "Shared", ["", "NA"].contains(item["preinstalledsw"]),
                ["", "No License required"].contains(item["licensemodel"]),
                ["", "Used"].contains(item["capacitystatus"]), ["", "OnDemand"].contains(item["marketoption"]),
                !item["instancetype"].isEmpty
            else { return nil }
            return (item["instancetype"], "linux")
        case .elasticache:
            let engine = item["cacheengine"]
            guard ["", "Cache Instance"].contains(item["productfamily"]),
                Self.withoutRegionPrefix(item["usagetype"]).hasPrefix("NodeUsage:"),
                ["Redis", "Valkey", "Memcached"].contains(engine), !item["instancetype"].isEmpty
            else { return nil }
            return (item["instancetype"], engine.lowercased())
        case .dynamodb:
            let usage = Self.withoutRegionPrefix(item["usagetype"])
            let planned = ["WriteRequestUnits", "ReadRequestUnits", "WriteCapacityUnit-Hrs", "ReadCapacityUnit-Hrs"]
            if planned.contains(usage) { return (usage, "standard") }
            guard includeDynamoDBExtras else { return nil }
            if usage.hasPrefix("IA-"), planned.contains(String(usage.dropFirst(3))) {
                return (String(usage.dropFirst(3)), "standard-ia")
            }
            if usage.hasPrefix("Repl"), usage.hasSuffix("RequestUnits") || usage.hasSuffix("CapacityUnit-Hrs") {
                return (usage, "standard")
            }
            return nil
        case .eks:
            // The cluster-hour usage types, region prefix stripped; Fargate and Auto Mode usage are not planned.
            switch Self.withoutRegionPrefix(item["usagetype"]) {
            case "AmazonEKS-Hours:perCluster": return ("cluster", "standard-support")
            case "AmazonEKS-Hours:extendedSupport": return ("cluster", "extended-support")
            default: return nil
            }
        }
    }

    /// `APN2-NodeUsage:cache.m7g.xlarge` → `NodeUsage:cache.m7g.xlarge`. A region prefix is upper-case letters
    /// and digits with at least one digit (`APN2`, `USE1`), or the legacy `EU`; `IA-` is a table class, not a region.
    static func withoutRegionPrefix(_ usage: String) -> String {
        guard let dash = usage.firstIndex(of: "-") else { return usage }
        let prefix = usage[..<dash]
        let isRegion =
            prefix == "EU"
            || (prefix.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
                && prefix.contains { ("0"..."9").contains($0) })
        return isRegion ? String(usage[usage.index(after: dash)...]) : usage
    }

    /// Hardware facts an EC2 or ElastiCache on-demand row states (vCPU, memory, network); nil for DynamoDB or
    /// when vCPU or memory is missing. "Up to N Gigabit" is a burst figure: the baseline is then unknown (nil).
    func specRow(_ item: OfferItem, from provenance: Provenance) -> SpecRow? {
        guard offer != .dynamodb && offer != .eks, let product = product(item)?.product, let vcpu = Int(item["vcpu"]),
            let memory = Double(item["memory"].split(separator: " ").first ?? "")
        else { return nil }
        let network = item["networkperformance"]
        let words = network.split(separator: " ")
        var gbps: Double?
        if let number = words.first(where: { Double($0) != nil }).flatMap({ Double($0) }) {
            if network.contains("Megabit") {
                gbps = number / 1000
            } else if network.contains("Gigabit") {
                gbps = number
            }
        }
        let upTo = network.hasPrefix("Up to")
        let family = product.hasPrefix("cache.") ? String(product.dropFirst(6)) : product
        let generation = family.drop { !("0"..."9").contains($0) }.drop { ("0"..."9").contains($0) }
        let arm = generation.first == "g" || item["physicalprocessor"].contains("Graviton")
        return SpecRow(
            service: offer.service.rawValue, product: product, architecture: arm ? "arm64" : "x86_64", vcpu: vcpu,
            memoryGiB: memory, baselineGbps: upTo ? nil : gbps, burstGbps: gbps,
            enhancedIO: offer == .ec2 ? "n/a" : "unknown", source: provenance.source, confidence: "aws-price-list")
    }
}
