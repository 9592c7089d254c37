import Foundation

/// Numbers the distinct texts of a bill from their UTF-8 bytes: a cell whose bytes were seen before gets the same
/// id without a `String` being made, hashed or compared. Texts live back to back in one byte arena; an
/// open-addressing table (linear probing, at most half full) maps a byte hash to ids. Bounded: past `capacity` texts
/// or `arenaCapacity` bytes the owner starts again (`reset`) at a batch boundary.
public struct BillTextInterner {
    /// Most texts numbered before starting again: 65,536 (a month's export has a few thousand distinct values per
    /// column; resource ids can be more).
    public static let capacity = 65_536
    /// Most bytes of text kept before starting again: 16 MiB (65,536 texts of 256 bytes; a record is at most
    /// `BillLimits.maxRecordBytes`, so one batch overshoots by at most its own bytes).
    public static let arenaCapacity = 16 << 20
    /// Slots of the hash table: four times `capacity`, a power of two (1 MiB of Int32). Probing stays short while the
    /// table is at most half full: `capacity` texts plus one batch's before the owner starts again (`id`).
    static let slotCount = 4 * capacity

    private var arena: [UInt8] = []
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot → id + 1 (0: empty).
    private var slots = [Int32](repeating: 0, count: slotCount)

    public init() {
        arena.reserveCapacity(1 << 20)
    }

    /// Texts numbered so far.
    public var count: Int { hashes.count }

    /// True when the table or arena is full enough that the owner should `reset` at its next batch boundary.
    public var isFull: Bool { count >= Self.capacity || arena.count >= Self.arenaCapacity }

    /// Forgets every text: ids start again at 0.
    public mutating func reset() {
        arena.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        hashes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// The id of the text of `bytes`, numbered when new. The table never fills: its owner checks `isFull` after each
    /// batch, and a row numbers at most 64 texts (each of `BillField`'s 29 fields and its fallback column, and the
    /// values derived from them), so a batch of 1,024 rows adds at most 65,536: with `capacity` before it, half of
    /// `slotCount`.
    public mutating func id(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        let hash = ByteHash.of(bytes)
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equal(id, bytes) { return entry - 1 }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        hashes.append(hash)
        slots[slot] = id + 1
        return id
    }

    /// The id of `text`, numbered when new.
    public mutating func id(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { id(UnsafeRawBufferPointer($0)) }
    }

    /// True when text `id` has exactly the bytes of `bytes`.
    public func equal(_ id: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let start = starts[id]
        let count = starts[id + 1] - start
        guard count == bytes.count else { return false }
        guard count > 0, let base = bytes.baseAddress else { return true }
        return arena.withUnsafeBytes { arena in
            guard let text = arena.baseAddress else { return false }
            return memcmp(text + start, base, count) == 0
        }
    }

    /// The text of `id`.
    public func text(_ id: Int32) -> String {
        let start = starts[Int(id)]
        let end = starts[Int(id) + 1]
        return arena.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }
}
