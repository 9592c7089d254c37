import Foundation

/// A command-cost or transfer-rule file that cannot be read: one `Diagnostic` (where, what, the fix).
public struct CommandCostError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }

    /// A problem whose message names its own place (`FILE: missing column 'run'`).
    public init(message: String) { self.diagnostic = Diagnostic(message) }

    public var message: String { diagnostic.message }
    public var description: String { diagnostic.description }
}
