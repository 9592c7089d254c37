import Foundation
import TacoCore
import Testing

@testable import TacoReport

@Suite struct EstimateDocumentTests {
    @Test func schemaNameIsVersioned() {
        #expect(EstimateDocument.currentSchema == "tacoplan.estimate/1")
    }
}
