/// A fast 64-bit fingerprint of file contents, written as 16 hex digits: FNV-1a-style mixing of 8-byte words in four
/// independent lanes (word `i` goes to lane `i % 4` within each 32-byte block), folded together at the end. Four
/// lanes let the CPU overlap four multiplications, so hashing an 800 MB price list costs a fraction of parsing it.
/// Not cryptographic: it identifies what an import run or the bundled book loaded, together with the byte size.
/// (Fingerprints from versions before the four lanes differ: such a file imported again records one more run.)
public struct ContentHash: Sendable {
    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private var lanes: (UInt64, UInt64, UInt64, UInt64) = (basis, basis ^ 1, basis ^ 2, basis ^ 3)
    /// Bytes of an unfinished 32-byte block.
    private var pending: [UInt8] = []

    public init() {}

    /// Feeds the next bytes of the content.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        if !pending.isEmpty {
            while pending.count < 32, index < bytes.count {
                pending.append(bytes[index])
                index += 1
            }
            guard pending.count == 32 else { return }
            let block = pending
            block.withUnsafeBytes { mixBlock($0, at: 0) }
            pending.removeAll(keepingCapacity: true)
        }
        var (a, b, c, d) = lanes
        while index + 32 <= bytes.count {
            a = Self.mix(a, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            b = Self.mix(b, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
            c = Self.mix(c, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
            d = Self.mix(d, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
            index += 32
        }
        lanes = (a, b, c, d)
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

    private mutating func mixBlock(_ bytes: UnsafeRawBufferPointer, at index: Int) {
        lanes.0 = Self.mix(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        lanes.1 = Self.mix(lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
        lanes.2 = Self.mix(lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
        lanes.3 = Self.mix(lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
    }

    @inline(__always)
    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        var next = (state ^ word) &* 0x0000_0100_0000_01b3
        next ^= next >> 29
        return next
    }

    /// The fingerprint so far, as 16 lowercase hex digits: the lanes folded in order, then each byte of the
    /// unfinished block.
    public var hex: String {
        var state = Self.mix(Self.mix(Self.mix(lanes.0, lanes.1), lanes.2), lanes.3)
        for byte in pending { state = Self.mix(state, UInt64(byte) | 0x100) }
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
