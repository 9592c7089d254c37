import Foundation
import TacoCore

/// A bill import on both cores, in three stages: one thread scans the file into records (`BillRecords`: gzip,
/// RFC 4180 quoting) and copies each into a batch (`BillRecordBatch`); a second reads, checks and numbers them
/// (`BillLineReader`: each distinct text once); the caller's thread writes each batch to SQLite. The three keep
/// both cores busy until the last row (Docs/Performance.md). Every hand-over is bounded (`maxQueued` × `batchRows`),
/// so memory stays flat whatever the file's size; batches keep the file's order, and a problem on any side stops all
/// three: the one on the earliest line is the one reported, as in a serial read.
final class BillRowPipeline: @unchecked Sendable {
    /// Rows per batch handed over: 1,024 (about 1 MB of records or 2 MB of rows; small enough to keep the threads
    /// busy and the import within its 64 MiB).
    static let batchRows = 1024
    /// Record bytes per batch handed over, at most: 4 MiB (1,024 CUR 2.0 rows of 1–3 KB fit; a file of 1 MiB records
    /// is handed over a few records at a time, so memory stays bounded by bytes as well as by rows).
    static let batchBytes = 4 << 20
    /// Batches waiting at most, per hand-over: 2.
    static let maxQueued = 2

    private let records = BillHandOff<BillRecordBatch>()
    private let rowBatches = BillHandOff<BillLineBatch>()
    private let done = NSCondition()
    private var running = 2
    private(set) var rows = 0
    private(set) var awsRows = 0

    /// Starts the scanning and parsing threads over `source`.
    init(
        records source: BillRecords, reader: BillRowReader, path: String, fileBytes: Int64,
        progress: (@Sendable (BillImportProgress) -> Void)?
    ) {
        let box = UncheckedBox((source, reader))
        let scanner = Thread { [self] in
            do {
                try self.scan(box.value.0, path: path, fileBytes: fileBytes, progress: progress)
                self.records.finish(nil)
            } catch {
                self.records.finish(error)
            }
            self.stopped()
        }
        let parser = Thread { [self] in
            do {
                try self.parse(box.value.1)
                self.rowBatches.finish(nil)
            } catch {
                self.rowBatches.finish(error)
            }
            self.records.cancel()
            self.stopped()
        }
        for thread in [scanner, parser] {
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func stopped() {
        done.lock()
        running -= 1
        done.broadcast()
        done.unlock()
    }

    /// The scanning stage: records copied into batches, blank lines skipped (a long run of them refused).
    private func scan(
        _ source: BillRecords, path: String, fileBytes: Int64, progress: (@Sendable (BillImportProgress) -> Void)?
    ) throws {
        var batch = BillRecordBatch()
        var empty = 0
        var seen = 0
        // The records read before a problem go to the parser first: one of them may hold an earlier problem.
        func advance() throws -> Bool {
            do {
                return try batch.read(source)
            } catch {
                if batch.count > 0 { _ = records.put(batch) }
                throw error
            }
        }
        while try advance() {
            if batch.takeBackBlankRecord() {
                empty += 1
                guard empty <= BillLimits.maxEmptyRecordRun else {
                    if batch.count > 0 { _ = records.put(batch) }
                    throw BillProblem(
                        file: path, line: source.recordLine,
                        message: "more than \(BillLimits.maxEmptyRecordRun) empty lines in a row",
                        fix: "an export has no blank lines: the file is damaged or not a bill")
                }
                continue
            }
            empty = 0
            batch.closeRecord(line: source.recordLine)
            seen += 1
            if batch.count == Self.batchRows || batch.bytes.count >= Self.batchBytes {
                guard records.put(batch) else { return }
                batch = BillRecordBatch()
                if let progress, seen & 0x3FFF == 0 {
                    progress(
                        BillImportProgress(
                            file: path, bytesRead: source.bytesRead, fileBytes: fileBytes, gzip: source.gzip,
                            rows: seen))
                }
            }
        }
        if batch.count > 0 { _ = records.put(batch) }
    }

    /// The parsing stage: each record read and checked as `BillLineValues`, in file order.
    private func parse(_ header: BillRowReader) throws {
        var rows = 0
        var aws = 0
        defer {
            done.lock()
            self.rows = rows
            awsRows = aws
            done.unlock()
        }
        var reader = BillLineReader(header)
        while let batch = try records.next() {
            var out = BillLineBatch()
            out.rows.reserveCapacity(batch.count)
            try batch.bytes.withUnsafeBufferPointer { bytes in
                try batch.starts.withUnsafeBufferPointer { starts in
                    try batch.ends.withUnsafeBufferPointer { ends in
                        for r in 0..<batch.count {
                            let fields = batch.firstField[r]..<batch.firstField[r + 1]
                            let record = BillRecordView(
                                bytes: bytes, starts: UnsafeBufferPointer(rebasing: starts[fields]),
                                ends: UnsafeBufferPointer(rebasing: ends[fields]))
                            let line = try reader.line(record, line: batch.lines[r])
                            rows += 1
                            if line.isAWS { aws += 1 }
                            out.rows.append(line)
                        }
                    }
                }
            }
            reader.close(&out)
            guard rowBatches.put(out) else { return }
        }
    }

    /// The next batch of rows; nil when every row was handed over. Throws the problem of the earliest line.
    func next() throws -> BillLineBatch? {
        let batch = try rowBatches.next()
        if batch == nil { waitUntilStopped() }
        return batch
    }

    /// Stops the other two threads (the writer failed) and waits until they have stopped.
    func cancel() {
        rowBatches.cancel()
        records.cancel()
        waitUntilStopped()
    }

    private func waitUntilStopped() {
        done.lock()
        while running > 0 { done.wait() }
        done.unlock()
    }
}

/// A bounded, ordered hand-over between two threads: `put` waits while `BillRowPipeline.maxQueued` items wait,
/// `next` while none does; the producer's end (or problem) comes after its last item, and `cancel` releases both.
final class BillHandOff<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [Item] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?

    /// Hands an item over; false when the consumer gave up.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= BillRowPipeline.maxQueued && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(item)
        condition.broadcast()
        return true
    }

    /// The producer is done: nothing more (nil) or a problem, seen by the consumer after the items before it.
    func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item; nil after the last. Throws the producer's problem once the items before it are taken.
    func next() throws -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished && !cancelled { condition.wait() }
        guard !queue.isEmpty else {
            if let failure { throw failure }
            return nil
        }
        let item = queue.removeFirst()
        condition.broadcast()
        return item
    }

    /// The consumer gives up: waiting items are dropped and the producer's next `put` returns false.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}

/// Records of a bill copied out of the read buffer, back to back: record r's fields start and end at
/// `starts[firstField[r]..<firstField[r + 1]]` and the same range of `ends` (offsets into `bytes`), and it starts on
/// line `lines[r]`.
struct BillRecordBatch {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    var ends: [Int] = []
    var firstField: [Int] = [0]
    var lines: [Int] = []

    var count: Int { lines.count }

    init() {
        bytes.reserveCapacity(1 << 20)
        starts.reserveCapacity(BillRowPipeline.batchRows * 48)
        ends.reserveCapacity(BillRowPipeline.batchRows * 48)
        firstField.reserveCapacity(BillRowPipeline.batchRows + 1)
        lines.reserveCapacity(BillRowPipeline.batchRows)
    }

    /// Appends the next record of `source` (not yet closed); false at the end of the file.
    mutating func read(_ source: BillRecords) throws -> Bool {
        try source.advance(appendingTo: &bytes, starts: &starts, ends: &ends)
    }

    /// Removes the record `read` just appended when it is a blank line (one empty field); true when it was.
    mutating func takeBackBlankRecord() -> Bool {
        guard ends.count == firstField[count] + 1, starts.last == ends.last else { return false }
        starts.removeLast()
        ends.removeLast()
        return true
    }

    /// Closes the record `read` just appended; it starts on `line`.
    mutating func closeRecord(line: Int) {
        firstField.append(ends.count)
        lines.append(line)
    }
}

/// Moves a value the caller no longer touches to the pipeline's threads.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
