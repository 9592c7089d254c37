import Foundation
import GRDB
import Testing

@testable import TacoStore

@Suite struct JSONImportTests {
    static let offer = """
        {
          "formatVersion": "v1.0", "offerCode": "AmazonDynamoDB", "version": "20260101000000",
          "publicationDate": "2026-01-01T00:00:00Z",
          "products": {
            "W": {"sku": "W", "productFamily": "Amazon DynamoDB PayPerRequest Throughput",
                  "attributes": {"servicecode": "AmazonDynamoDB", "location": "US East (N. Virginia)",
                                 "regionCode": "us-east-1", "usagetype": "WriteRequestUnits", "group": "DDB-WriteUnits"}},
            "C": {"sku": "C", "productFamily": "Provisioned IOPS",
                  "attributes": {"servicecode": "AmazonDynamoDB", "regionCode": "us-east-1",
                                 "usagetype": "WriteCapacityUnit-Hrs"}},
            "IA": {"sku": "IA", "productFamily": "Amazon DynamoDB PayPerRequest Throughput",
                   "attributes": {"servicecode": "AmazonDynamoDB", "regionCode": "us-east-1",
                                  "usagetype": "IA-WriteRequestUnits"}}
          },
          "terms": {
            "OnDemand": {
              "W": {"W.JRTCKXETXF": {"offerTermCode": "JRTCKXETXF", "sku": "W", "effectiveDate": "2024-11-01T00:00:00Z",
                    "priceDimensions": {"W.JRTCKXETXF.1": {"unit": "WriteRequestUnits", "beginRange": "0",
                      "endRange": "Inf", "pricePerUnit": {"USD": "0.0000006250"}, "appliesTo": []}},
                    "termAttributes": {}}},
              "C": {"C.JRTCKXETXF": {"sku": "C", "effectiveDate": "2024-07-01T00:00:00Z",
                    "priceDimensions": {
                      "C.JRTCKXETXF.free": {"unit": "WriteCapacityUnit-Hrs", "beginRange": "0", "endRange": "18600",
                                            "pricePerUnit": {"USD": "0.0000000000"}},
                      "C.JRTCKXETXF.paid": {"unit": "WriteCapacityUnit-Hrs", "beginRange": "18600", "endRange": "Inf",
                                            "pricePerUnit": {"USD": "0.0006500000"}}},
                    "termAttributes": {}}},
              "IA": {"IA.JRTCKXETXF": {"sku": "IA", "effectiveDate": "2024-11-01T00:00:00Z",
                     "priceDimensions": {"IA.1": {"unit": "WriteRequestUnits", "pricePerUnit": {"USD": "0.00000078"}}},
                     "termAttributes": {}}}
            }
          }
        }
        """

    @Test func streamsABulkOfferKeepingTheNonZeroMarginalTier() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let reports = try db.importForTest([try scratch.write("index.json", Self.offer)])
        #expect(reports[0].format == "offer-json" && reports[0].version == "20260101000000")
        #expect(
            try db.priceLines() == [
                "dynamodb us-east-1 WriteCapacityUnit-Hrs standard provisioned capacity-unit-hour 0.0006500000 2024-07-01",
                "dynamodb us-east-1 WriteRequestUnits standard on-demand request-unit 0.0000006250 2024-11-01",
            ])
    }

    @Test func readsSeveralGetProductsPages() throws {
        func page(_ type: String, _ price: String) -> String {
            let item = """
                {"product":{"productFamily":"Compute Instance","attributes":{"instanceType":"\(type)",\
                "regionCode":"ap-northeast-2","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA",\
                "licenseModel":"No License required","capacitystatus":"Used","servicecode":"AmazonEC2",\
                "usagetype":"APN2-BoxUsage:\(type)","vcpu":"4","memory":"16 GiB","networkPerformance":"Up to 12500 Megabit"},\
                "sku":"S\(type)"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"S\(type).JRTCKXETXF":{"priceDimensions":\
                {"S\(type).JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","endRange":"Inf","beginRange":"0",\
                "pricePerUnit":{"USD":"\(price)"}}},"sku":"S\(type)","effectiveDate":"2026-07-01T00:00:00Z",\
                "offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20260701000000",\
                "publicationDate":"2026-07-01T00:00:00Z"}
                """
            let encoded = item.replacingOccurrences(of: "\"", with: "\\\"")
            return "{\"FormatVersion\": \"aws_v1\", \"NextToken\": \"x\", \"PriceList\": [\"\(encoded)\"]}\n"
        }
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        let file = try scratch.write("pages.json", page("m7g.xlarge", "0.2") + page("c7g.xlarge", "0.17"))
        _ = try db.importForTest([file])
        #expect(
            try db.priceLines() == [
                "ec2 ap-northeast-2 c7g.xlarge linux on-demand hour 0.17 2026-07-01",
                "ec2 ap-northeast-2 m7g.xlarge linux on-demand hour 0.2 2026-07-01",
            ])
        #expect(try db.rowCount(.instanceSpec) == 2)
    }

    @Test func spotAdvisorKeepsBucketsWithTheRealMaxValues() throws {
        let advisor = """
            {"global_rate": "<10%",
             "ranges": [{"index":0,"label":"<5%","dots":0,"max":5},{"index":1,"label":"5-10%","dots":1,"max":11},
                        {"index":2,"label":"10-15%","dots":2,"max":16},{"index":3,"label":"15-20%","dots":3,"max":22},
                        {"index":4,"label":">20%","dots":4,"max":100}],
             "instance_types": {"m7g.xlarge": {"emr": true, "cores": 4, "ram_gb": 16.0}},
             "spot_advisor": {"ap-northeast-2": {"Linux": {
                "m7g.xlarge": {"s": 75, "r": 0}, "c5.large": {"s": 56, "r": 1}, "c5.4xlarge": {"s": 74, "r": 2},
                "m6g.xlarge": {"s": 77, "r": 3}, "c5.2xlarge": {"s": 62, "r": 4}}}}}
            """
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([try scratch.write("spot-advisor-data.json", advisor)])
        let maxima = try db.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT bucket_max_pct FROM spot_advice ORDER BY interruption_bucket")
        }
        #expect(maxima == [5, 11, 16, 22, 100])
        let book = try db.priceBook(region: "ap-northeast-2", asOf: try day("2026-02-01"))
        #expect(book.spot["m7g.xlarge"]?.savingsPercent == 75)
        #expect(book.spot["c5.2xlarge"]?.bucket == .over20)
        #expect(book.spot["m7g.xlarge"]?.capturedOn.description == "2026-01-15")
    }

    @Test func spotPriceHistoryKeepsLinuxPricesPerZone() throws {
        let history = """
            {"SpotPriceHistory": [
              {"Timestamp": "2014-01-06T04:32:53.000Z", "ProductDescription": "Linux/UNIX (Amazon VPC)",
               "InstanceType": "m1.xlarge", "SpotPrice": "0.080000", "AvailabilityZone": "us-west-1a"},
              {"Timestamp": "2014-01-06T04:32:53.000Z", "ProductDescription": "SUSE Linux",
               "InstanceType": "m1.xlarge", "SpotPrice": "0.087000", "AvailabilityZone": "us-west-1a"}]}
            """
        let scratch = try Scratch()
        defer { scratch.remove() }
        let db = try TacoDatabase.inMemory()
        _ = try db.importForTest([try scratch.write("spot.json", history)])
        #expect(
            try db.priceLines(confidence: "aws-spot-price-history") == [
                "ec2 us-west-1 m1.xlarge linux spot hour 0.080000 2014-01-06"
            ])
    }
}
