import Foundation

/// Why a unit-bearing value could not be read, with the fix to suggest.
public struct UnitError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var fix: String

    public var diagnostic: Diagnostic { Diagnostic(message, fix: fix) }
    public var description: String { diagnostic.description }
}
