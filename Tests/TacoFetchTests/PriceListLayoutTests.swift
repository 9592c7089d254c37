import Foundation
import Testing

@testable import TacoFetch

@Suite struct PriceListLayoutTests {
    @Test func theCSVIsTheRegionalJSONPathEndingInIndexCSV() throws {
        let endpoint = try #require(URL(string: "http://127.0.0.1:8080"))
        let url = try PriceListLayout.regionalURL(
            endpoint: endpoint, currentVersionURL: "/offers/v1.0/aws/AmazonEC2/20250912225308/us-west-2/index.json",
            csv: true)
        #expect(
            url.absoluteString == "http://127.0.0.1:8080/offers/v1.0/aws/AmazonEC2/20250912225308/us-west-2/index.csv")
    }

    @Test func anHTTPDateGivesItsUTCDay() {
        #expect(PriceListFetcher.day(httpDate: "Wed, 21 Oct 2015 07:28:00 GMT") == "2015-10-21")
        #expect(PriceListFetcher.day(httpDate: "yesterday") == nil)
    }
}
