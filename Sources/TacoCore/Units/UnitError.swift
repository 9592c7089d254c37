import Foundation

/// Why a unit-bearing value could not be read, with the fix to suggest.
public struct UnitError: Error, Equatable, Sendable {
    public var message: String
    public var fix: String
}
