/// A fast 64-bit fingerprint of file contents (FNV-1a over 8-byte words), written as 16 hex digits.
/// Not cryptographic: it identifies what an import run or the bundled book loaded, together with the byte size.
public struct ContentHash: Sendable {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var pending: [UInt8] = []

    public init() {}

    /// Feeds the next bytes of the content.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        if !pending.isEmpty {
            while pending.count < 8, index < bytes.count {
                pending.append(bytes[index])
                index += 1
            }
            guard pending.count == 8 else { return }
            pending.withUnsafeBytes { mix($0.loadUnaligned(as: UInt64.self)) }
            pending.removeAll(keepingCapacity: true)
        }
        while index + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        while index < bytes.count {
            pending.append(bytes[index])
            index += 1
        }
    }

    /// Feeds the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) {
        var copy = text
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x0000_0100_0000_01b3
        state ^= state >> 29
    }

    /// The fingerprint so far, as 16 lowercase hex digits.
    public var hex: String {
        var copy = self
        for byte in pending { copy.mix(UInt64(byte) | 0x100) }
        let digits = String(copy.state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
