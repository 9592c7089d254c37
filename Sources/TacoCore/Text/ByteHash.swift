/// A 64-bit hash of bytes, 8 at a time (multiply and xor-shift per word, SplitMix64's finaliser at the end), for the
/// in-memory tables that find repeated byte strings (`BillTextInterner`, the price import's `VerdictMemo`). Not for
/// adversaries: a collision only costs a comparison.
public enum ByteHash {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var index = 0
        while index + 8 <= count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    public static func of(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        of(UnsafeRawBufferPointer(start: bytes, count: count))
    }
}
