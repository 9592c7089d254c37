#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Row templates (`PlannerSelection.template`) a CSV import has already built, found again by the raw bytes of the
/// columns they are made of: every column a verdict reads except the SKU and the price. A large price list repeats
/// one template on many rows (one per instance type, region, term and usage type), so a kept row costs a hash of
/// its column bytes and one comparison, and no String, instead of building its attributes and checking them again.
///
/// The bytes are the fields' raw content (doubled quotes included, with the field's length and escape flag before
/// it), so equal keys mean equal field texts and the template is the one the row's own text would give: the memo
/// changes no verdict. One memo per worker lane of one file (never used by two threads at once); it only holds
/// answers for that file's header and provenance.
final class VerdictMemo {
    /// At most this many templates are remembered; the table starts over when it is full. The dense benchmark
    /// file has 2,880 kept templates (6 regions × 96 instance types × 5 terms).
    static let capacity = 4_096
    /// At most this many key bytes in all (about 300 per template for a 91-column EC2 row); the table starts over
    /// past it. With `capacity`, this bounds one memo to about 6 MiB (a template with its row, key and spec is
    /// about 1 KiB).
    static let arenaLimit = 1_536 << 10
    /// A row whose key is longer is not memoised (its template is built every time).
    static let maxKeyBytes = 4_096
    /// Slots of the doorkeeper: a template is remembered only on the second row with its bytes seen while the
    /// doorkeeper held the first one's hash (it starts over when half full). In a real regional EC2 file nearly
    /// every kept row has its own template (each term and unit is another SKU), so the memo then stays empty and
    /// costs no memory; in a file that repeats templates it keeps them.
    static let doorkeeperSlots = 16_384

    private struct Entry {
        var hash: UInt64
        var start: Int
        var length: Int
        var template: RowTemplate?
        /// The last batch (`batch`) in which a row of this template was kept.
        var keptIn = -1
    }

    /// Counts the batches that used this memo; see `firstKeep`.
    private var batch = 0
    /// The entry `template` returned last; -1 when the row was not memoised.
    private var last = -1
    /// Hashes of keys seen once (0: empty slot), and how many slots are used.
    private var doorkeeper = [UInt64](repeating: 0, count: doorkeeperSlots)
    private var doorkeeperCount = 0

    private var entries: [Entry] = []
    private var arena: [UInt8] = []
    /// Open addressing: indexes into `entries`, -1 when empty; twice `capacity` slots, so the table is never more
    /// than half full.
    private var slots: [Int32]
    private let mask: Int
    private let key = UnsafeMutablePointer<UInt8>.allocate(capacity: maxKeyBytes)

    init() {
        let count = 2 * Self.capacity
        slots = Array(repeating: -1, count: count)
        mask = count - 1
        entries.reserveCapacity(Self.capacity)
    }

    deinit { key.deallocate() }

    /// Called by each batch before its first row.
    func startBatch() { batch += 1 }

    /// True unless a row of the template `template` returned last was already kept in this batch. The importer
    /// applies a batch's rows in order, so a later row of that template finds its key already priced (or refused
    /// for the same region and day) and its row is never built: the batch need not turn its SKU into a String.
    func firstKeep() -> Bool {
        guard last >= 0 else { return true }
        defer { entries[last].keptIn = batch }
        return entries[last].keptIn != batch
    }

    /// The template for the row whose fields are `fields`, from the bytes of `columns`; `make()` builds it on the
    /// first row with these bytes. nil: the planner does not use the row.
    func template(
        _ columns: [Int], _ scanner: CSVScanner, _ fields: UnsafeMutableBufferPointer<CSVScanner.Field>,
        make: () -> RowTemplate?
    ) -> RowTemplate? {
        var length = 0
        for column in columns {
            let field = fields[column]
            let count = field.end - field.start
            guard length + 4 + count <= Self.maxKeyBytes else {
                last = -1
                return make()
            }
            let header = UInt32(truncatingIfNeeded: count) | (field.escaped ? 0x8000_0000 : 0)
            UnsafeMutableRawPointer(key + length).storeBytes(of: header, as: UInt32.self)
            (key + length + 4).update(from: scanner.base + field.start, count: count)
            length += 4 + count
        }
        let hash = Self.hash(key, length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = entries[Int(slots[slot])]
            if entry.hash == hash && entry.length == length
                && arena.withUnsafeBufferPointer({ $0.baseAddress.map { memcmp($0 + entry.start, key, length) } })
                    == 0
            {
                last = Int(slots[slot])
                return entry.template
            }
            slot = (slot + 1) & mask
        }
        let template = make()
        guard seenBefore(hash) else {
            last = -1
            return template
        }
        if entries.count == Self.capacity || arena.count + length > Self.arenaLimit {
            entries.removeAll(keepingCapacity: true)
            arena.removeAll(keepingCapacity: true)
            for index in slots.indices { slots[index] = -1 }
            slot = Int(truncatingIfNeeded: hash) & mask
        }
        slots[slot] = Int32(entries.count)
        last = entries.count
        entries.append(Entry(hash: hash, start: arena.count, length: length, template: template))
        arena.append(contentsOf: UnsafeBufferPointer(start: key, count: length))
        return template
    }

    /// True when `hash` is in the doorkeeper; else adds it and returns false.
    private func seenBefore(_ hash: UInt64) -> Bool {
        let mark = hash | 1
        let mask = Self.doorkeeperSlots - 1
        var slot = Int(truncatingIfNeeded: hash >> 20) & mask
        while doorkeeper[slot] != 0 {
            if doorkeeper[slot] == mark { return true }
            slot = (slot + 1) & mask
        }
        if doorkeeperCount == Self.doorkeeperSlots / 2 {
            for index in doorkeeper.indices { doorkeeper[index] = 0 }
            doorkeeperCount = 0
            slot = Int(truncatingIfNeeded: hash >> 20) & mask
        }
        doorkeeper[slot] = mark
        doorkeeperCount += 1
        return false
    }

    /// A 64-bit hash of `count` bytes, 8 at a time (multiply and xor-shift per word, SplitMix64's finaliser at the
    /// end). Not for adversaries: a collision only costs a comparison.
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var index = 0
        while index + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
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
}
