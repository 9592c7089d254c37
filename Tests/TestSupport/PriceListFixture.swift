import Foundation

/// A tiny AWS Price List EC2 CSV for tests that import prices (in process and through the binary): the header the
/// bulk file has on its sixth line, one on-demand row with chosen fields, and the check that an output carries no
/// terminal control bytes.
public enum PriceListFixture {
    /// The column header of an AWS Price List EC2 CSV (the bulk file's sixth line).
    public static let header = [
        "SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange",
        "EndingRange", "Unit", "PricePerUnit", "Currency", "LeaseContractLength", "PurchaseOption", "OfferingClass",
        "Product Family", "serviceCode", "Location", "Location Type", "Instance Type", "vCPU", "Physical Processor",
        "Memory", "Network Performance", "Tenancy", "Operating System", "License Model", "usageType", "operation",
        "CapacityStatus", "MarketOption", "Pre Installed S/W", "Region Code",
    ]

    /// No ESC, BEL or other C0 control except line feed and tab, and no C1 control, in `text`.
    public static func noControlBytes(_ text: String) -> Bool {
        !text.unicodeScalars.contains {
            ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
        }
    }

    /// One us-west-2 EC2 Linux on-demand row in `header` order, with the given fields replaced.
    public static func row(
        type: String = "c7g.large", price: String = "0.0725", effective: String = "2025-09-01",
        currency: String = "USD",
        region: String = "us-west-2"
    ) -> String {
        let values = [
            "S-\(type)", "JRTCKXETXF", "S.JRTCKXETXF.6YS6EN2CT7", "OnDemand",
            "$\(price) per Linux \(type) Instance Hour",
            effective, "0", "Inf", "Hrs", price, currency, "", "", "", "Compute Instance", "AmazonEC2",
            "US West (Oregon)", "AWS Region", type, "2", "AWS Graviton3 Processor", "4 GiB", "Up to 12500 Megabit",
            "Shared", "Linux", "No License required", "USW2-BoxUsage:\(type)", "RunInstances", "Used", "OnDemand", "NA",
            region,
        ]
        return values.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\"" }.joined(separator: ",")
    }

    /// A whole price-list CSV: the five preamble lines, the header and `rows`.
    public static func csv(_ rows: [String]) -> String {
        let lines = [
            "\"FormatVersion\",\"v1.0\"", "\"Disclaimer\",\"fixture\"", "\"Publication Date\",\"2025-09-12T00:00:00Z\"",
            "\"Version\",\"20250912000000\"", "\"OfferCode\",\"AmazonEC2\"",
            header.map { "\"\($0)\"" }.joined(separator: ","),
        ]
        return (lines + rows).joined(separator: "\n") + "\n"
    }
}
