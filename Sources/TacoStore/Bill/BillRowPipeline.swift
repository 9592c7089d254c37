import Foundation
import TacoCore

/// The two halves of a bill import on both cores: one thread reads, parses and validates rows (`BillRowReader`)
/// while the caller's thread numbers the previous batch's repeated strings (`BillTextInterner`) and writes it to
/// SQLite. The numbering sits on the writing side because the reading side is the busier of the two (it scans,
/// splits and checks every cell). Batches are bounded (`maxQueued` × `batchRows`), so memory stays flat whatever
/// the file's size; a problem on either side stops both.
final class BillRowPipeline: @unchecked Sendable {
    /// Rows per batch handed over: 1,024 (about 2 MB of rows; small enough to keep both threads busy and the
    /// import within its 64 MiB).
    static let batchRows = 1024
    /// Batches waiting at most: 2.
    static let maxQueued = 2

    private let condition = NSCondition()
    private var queue: [[BillRow]] = []
    private var producerDone = false
    private var cancelled = false
    private var failure: (any Error)?
    private(set) var rows = 0
    private(set) var awsRows = 0

    /// Starts the reading thread over `records`.
    init(
        records: BillRecords, reader: BillRowReader, path: String, fileBytes: Int64,
        progress: (@Sendable (BillImportProgress) -> Void)?
    ) {
        let box = UncheckedBox((records, reader))
        let thread = Thread { [self] in
            let (records, reader) = box.value
            do {
                try self.produce(records, reader, path: path, fileBytes: fileBytes, progress: progress)
                self.finish(nil)
            } catch {
                self.finish(error)
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    private func produce(
        _ records: BillRecords, _ reader: BillRowReader, path: String, fileBytes: Int64,
        progress: (@Sendable (BillImportProgress) -> Void)?
    ) throws {
        var batch: [BillRow] = []
        batch.reserveCapacity(Self.batchRows)
        var empty = 0
        var rows = 0
        var aws = 0
        while try records.advance() {
            if records.isBlank {
                empty += 1
                guard empty <= BillLimits.maxEmptyRecordRun else {
                    throw BillProblem(
                        file: path, line: records.recordLine,
                        message: "more than \(BillLimits.maxEmptyRecordRun) empty lines in a row",
                        fix: "an export has no blank lines: the file is damaged or not a bill")
                }
                continue
            }
            empty = 0
            let row = try reader.row(records, line: records.recordLine)
            rows += 1
            if row.isAWS { aws += 1 }
            batch.append(row)
            if batch.count == Self.batchRows {
                guard put(batch) else { return }
                batch.removeAll(keepingCapacity: true)
                if let progress, rows & 0x3FFF == 0 {
                    progress(
                        BillImportProgress(
                            file: path, bytesRead: records.bytesRead, fileBytes: fileBytes, gzip: records.gzip,
                            rows: rows))
                }
            }
        }
        if !batch.isEmpty {
            _ = put(batch)
        }
        condition.lock()
        self.rows = rows
        awsRows = aws
        condition.unlock()
    }

    /// Hands a batch over; false when the writer gave up.
    private func put(_ batch: [BillRow]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.maxQueued && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        failure = error
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch; nil when every row was handed over. Throws the reading side's problem.
    func next() throws -> [BillRow]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !producerDone { condition.wait() }
        if let failure { throw failure }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the reading thread (the writer failed) and waits until it has stopped.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }
}

/// Moves a value the caller no longer touches to the reading thread.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
