/// One leave-one-out check: the point was left out of the fit and then predicted.
public struct LeaveOneOut: Hashable, Sendable {
    public var label: String
    public var constants: [Double]
    public var predicted: Double
    public var measured: Double
    /// predicted − measured (positive: the model over-predicts).
    public var error: Double { predicted - measured }
}
