import TacoCore

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
/// `@unchecked Sendable`: a memo moves to its lane's thread, and only that lane uses it while the importer waits.
final class VerdictMemo: @unchecked Sendable {
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
    /// Marks of batches numbered below this prove nothing (`forgetKeeps`).
    private var trustedFrom = 0
    /// The entry `template` returned last; -1 when the row was not memoised.
    private var last = -1
    /// Hashes of keys seen once (0: empty slot), and how many slots are used.
    private var doorkeeper = [UInt64](repeating: 0, count: doorkeeperSlots)
    private var doorkeeperCount = 0

    // Plain allocations rather than arrays: the hot lookup then reads them with no retain, release or
    // uniqueness check. Pages are touched only as they fill.
    private let entries = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    private var entryCount = 0
    private let arena = UnsafeMutablePointer<UInt8>.allocate(capacity: arenaLimit)
    private var arenaCount = 0
    /// Open addressing: indexes into `entries`, -1 when empty; twice `capacity` slots, so the table is never more
    /// than half full.
    private let slots = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity)
    private let mask = 2 * capacity - 1
    private let key = UnsafeMutablePointer<UInt8>.allocate(capacity: maxKeyBytes)

    init() { slots.initialize(repeating: -1, count: 2 * Self.capacity) }

    deinit {
        entries.deinitialize(count: entryCount)
        entries.deallocate()
        arena.deallocate()
        slots.deallocate()
        key.deallocate()
    }

    /// Called by each batch before its first row.
    func startBatch() { batch += 1 }

    /// True unless a row of the template `template` returned last was already kept in this batch or an earlier
    /// batch of this memo. A lane takes its parts in file order and the importer applies the rows in file order,
    /// so a later row of that template finds its key already priced (or refused for the same region and day) and
    /// its row is never built: the batch need not turn its SKU into a String (a 16-byte SKU is a heap String).
    func firstKeep() -> Bool {
        guard last >= 0 else { return true }
        defer { entries[last].keptIn = batch }
        return entries[last].keptIn < trustedFrom
    }

    /// Called when batches this memo ran were thrown away (parsed from a cut inside a quoted field): their rows
    /// are never applied, so no mark made so far may spare a later row its SKU.
    func forgetKeeps() { trustedFrom = batch + 1 }

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
            // Most fields are short: a loop beats a `memmove` call.
            let to = key + length + 4
            let from = scanner.base + field.start
            if count <= 32 {
                for index in 0..<count { to[index] = from[index] }
            } else {
                to.update(from: from, count: count)
            }
            length += 4 + count
        }
        let hash = ByteHash.of(key, count: length)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash && entries[index].length == length
                && memcmp(arena + entries[index].start, key, length) == 0
            {
                last = index
                return entries[index].template
            }
            slot = (slot + 1) & mask
        }
        let template = make()
        guard seenBefore(hash) else {
            last = -1
            return template
        }
        if entryCount == Self.capacity || arenaCount + length > Self.arenaLimit {
            entries.deinitialize(count: entryCount)
            entryCount = 0
            arenaCount = 0
            slots.update(repeating: -1, count: 2 * Self.capacity)
            slot = Int(truncatingIfNeeded: hash) & mask
        }
        slots[slot] = Int32(entryCount)
        last = entryCount
        (entries + entryCount).initialize(to: Entry(hash: hash, start: arenaCount, length: length, template: template))
        entryCount += 1
        (arena + arenaCount).update(from: key, count: length)
        arenaCount += length
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
}
