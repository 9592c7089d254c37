import Yams

/// Where each plan value came from: a line in the plan file, or a named default.
public struct PlanProvenance: Codable, Hashable, Sendable {
    public var locations: [String: SourceLocation] = [:]
    public var defaults: [String: String] = [:]
    public init() {}

    /// "plans/x.yaml:12:10" or "default (…)" for a field path such as `event.users`.
    public func origin(of path: String) -> String {
        if let l = locations[path] { return l.description }
        if let d = defaults[path] { return "default: \(d)" }
        return "derived"
    }
}
