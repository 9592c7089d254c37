/// The AWS Region codes tacoplan accepts from any input (a price file, Spot data, a plan): the documented list of
/// Regions, "AWS Region billing codes", docs.aws.amazon.com/global-infrastructure/latest/regions/
/// aws-region-billing-codes.html (read 2026-12), plus the China and GovCloud partitions AWS prices separately.
/// A code outside it (`../x`, `us-east-1; curl … | sh #`, a local zone) is refused by name, so a region code stored
/// in the database is always safe to print and to put into a suggested command.
public enum AWSRegion {
    public static let codes: Set<String> = [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "ca-west-1", "mx-central-1",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6",
        "ap-southeast-7",
        "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
        "eu-west-3",
        "il-central-1", "me-central-1", "me-south-1", "sa-east-1",
        "us-gov-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1",
    ]

    public static func isKnown(_ code: String) -> Bool { codes.contains(code) }

    /// The reason an unknown code is refused, with the value escaped and cut (`Excerpt.quoted`).
    public static func unknown(_ code: String) -> String {
        "'\(Excerpt.quoted(code))' is not an AWS Region code (expected one of the documented codes such as "
            + "us-east-1 or ap-northeast-2)"
    }
}
