import Foundation
import TacoCore

/// The AWS Price List bulk API layout (AWS Billing and Cost Management User Guide, "Getting price list files using
/// the AWS Price List Bulk API"; summarised in `../shared/reference/aws-price-list-api.md`):
/// `/offers/v1.0/aws/index.json` → `offers[CODE].currentRegionIndexUrl` → `regions[R].currentVersionUrl`
/// (`…/VERSION/REGION/index.json`; the CSV is the same path ending in `index.csv`).
public enum PriceListLayout {
    /// The public endpoint: no credentials needed.
    public static let defaultEndpoint = "https://pricing.us-east-1.amazonaws.com"
    /// The Spot Instance Advisor data behind the AWS Spot Advisor page (public, undated JSON).
    public static let defaultSpotAdvisorURL = "https://spot-bid-advisor.s3.amazonaws.com/spot-advisor-data.json"
    /// Path of the offer index on the endpoint.
    public static let offerIndexPath = "/offers/v1.0/aws/index.json"

    /// The AWS offer code of a planner service.
    public static func offerCode(_ service: Service) -> String {
        switch service {
        case .ec2: "AmazonEC2"
        case .elasticache: "AmazonElastiCache"
        case .dynamodb: "AmazonDynamoDB"
        case .eks: "AmazonEKS"
        }
    }

    /// Which regional file to download: the CSV for EC2 (the large one, read by the byte-level CSV scanner), the JSON
    /// offer for the others (small files whose attribute names are the documented JSON ones).
    public static func usesCSV(_ service: Service) -> Bool { service == .ec2 }

    /// `currentVersionUrl` (ending in `index.json`) resolved against the endpoint, switched to `index.csv` when wanted.
    public static func regionalURL(endpoint: URL, currentVersionURL: String, csv: Bool) throws -> URL {
        var path = currentVersionURL
        if csv {
            guard path.hasSuffix("/index.json") else {
                throw FetchError.badIndex(
                    url: currentVersionURL, why: "a currentVersionUrl that does not end in /index.json")
            }
            path = String(path.dropLast("index.json".count)) + "index.csv"
        }
        guard let url = URL(string: path, relativeTo: endpoint)?.absoluteURL else {
            throw FetchError.badIndex(url: currentVersionURL, why: "not a URL")
        }
        return url
    }
}

/// `/offers/v1.0/aws/index.json`, the parts tacoplan reads.
struct OfferIndex: Decodable {
    struct Offer: Decodable {
        var offerCode: String
        var currentRegionIndexUrl: String?
    }
    var offers: [String: Offer]
}

/// `…/CODE/current/region_index.json`, the parts tacoplan reads.
struct RegionIndex: Decodable {
    struct Region: Decodable {
        var regionCode: String
        var currentVersionUrl: String
    }
    var regions: [String: Region]
}

/// A fetch that failed, in words naming the URL, what went wrong and what to do.
public enum FetchError: Error, CustomStringConvertible, Sendable {
    case http(url: String, status: Int)
    case transport(url: String, why: String, attempts: Int)
    case truncated(url: String, received: Int, expected: Int)
    case badIndex(url: String, why: String)
    case noRegion(offer: String, region: String, known: [String])
    case noOffer(offer: String)
    case local(String)
    /// A 200 whose body is not the file asked for (a proxy's HTML "Access Denied" page): nothing is stored.
    case notAPriceList(url: String, why: String)

    public var description: String {
        switch self {
        case .http(let url, 404):
            "\(url): 404 Not Found — the server has no such file; check --endpoint, the region and the service"
        case .http(let url, let status):
            "\(url): the server answered HTTP \(status)"
        case .transport(let url, let why, let attempts):
            "\(url): \(why) (\(attempts) attempt\(attempts == 1 ? "" : "s")); the partial download is kept and the "
                + "next fetch resumes it"
        case .truncated(let url, let received, let expected):
            "\(url): the download stopped after \(received) of \(expected) bytes: it is truncated; fetch again"
        case .badIndex(let url, let why):
            "\(url): \(why): not an AWS Price List index"
        case .noRegion(let offer, let region, let known):
            "AWS publishes no \(offer) price list for region '\(region)' (its region index lists "
                + "\(known.prefix(8).joined(separator: ", "))\(known.count > 8 ? ", …" : ""))"
        case .noOffer(let offer):
            "the offer index has no '\(offer)' offer"
        case .local(let why):
            why
        case .notAPriceList(let url, let why):
            "\(url): the server answered 200 but sent \(why), not the price list; nothing was stored (a proxy or "
                + "captive portal may have answered: check --endpoint and the proxy variables, then fetch again)"
        }
    }
}
