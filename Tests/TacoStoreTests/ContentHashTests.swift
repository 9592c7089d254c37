import Testing

@testable import TacoStore

/// The import fingerprints a file chunk by chunk (`FileChunks`), wherever the reads happen to end: the fingerprint
/// must not depend on where the content was cut.
@Suite struct ContentHashTests {
    static func hex(_ pieces: [[UInt8]]) -> String {
        var hash = ContentHash()
        for piece in pieces { piece.withUnsafeBytes { hash.update($0) } }
        return hash.hex
    }

    @Test func theFingerprintDoesNotDependOnWhereTheContentIsCut() {
        // 100 bytes: three whole 32-byte blocks and 4 bytes left over.
        let content = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = Self.hex([content])
        for cut in [1, 7, 8, 31, 32, 33, 63, 64, 65, 96, 99] {
            #expect(Self.hex([Array(content[..<cut]), Array(content[cut...])]) == whole, "cut at \(cut)")
        }
        // Cut into 1-, 2- and 3-byte pieces in turn.
        var pieces: [[UInt8]] = []
        var index = 0
        var size = 1
        while index < content.count {
            let end = min(index + size, content.count)
            pieces.append(Array(content[index..<end]))
            index = end
            size = size % 3 + 1
        }
        #expect(Self.hex(pieces) == whole)
    }

    @Test func oneChangedByteOrOneMoreByteChangesIt() {
        let content = [UInt8](repeating: 65, count: 64)
        var changed = content
        changed[40] = 66
        #expect(Self.hex([content]) != Self.hex([changed]))
        #expect(Self.hex([content]) != Self.hex([content + [0]]))
        // The first two words swapped (they go to lanes 0 and 1) are another content.
        var other = content
        other[0] = 1
        #expect(Self.hex([other]) != Self.hex([Array(other[8..<16]) + Array(other[0..<8]) + Array(other[16...])]))
        #expect(Self.hex([content]).count == 16)
    }
}
