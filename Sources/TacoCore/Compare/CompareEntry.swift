import Foundation

/// One plan (or plan variant) to compare, with everything an estimate needs.
public struct CompareEntry: Sendable {
    public var name: String
    public var about: String?
    public var input: EstimateInput
    public init(name: String, about: String?, input: EstimateInput) {
        self.name = name
        self.about = about
        self.input = input
    }
}
