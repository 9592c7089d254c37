#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file in large chunks with `read(2)` into one reusable buffer, keeping an unfinished tail
/// (a record cut by the chunk boundary) in front of the next chunk. Memory stays at about one chunk
/// whatever the file size; it grows only if a single record is larger than a chunk.
/// `@unchecked Sendable`: the CSV importer lets one worker run `hashNewBytes()` while the buffer is parsed (read
/// only) and waits for it before the next `refill`; nothing else crosses threads.
final class FileChunks: @unchecked Sendable {
    /// Bytes read per `read(2)` call: large enough that system calls are negligible, small enough for the RSS budget.
    static let chunkSize = 4 << 20

    let path: String
    private let descriptor: Int32
    private(set) var buffer: UnsafeMutableRawBufferPointer
    /// Valid bytes at the start of `buffer`.
    private(set) var count = 0
    /// Bytes read from the file so far.
    private(set) var bytesRead = 0
    /// Fingerprint of every byte read.
    private(set) var hash = ContentHash()
    private(set) var atEnd = false
    /// When false, `refill` leaves the bytes it reads out of `hash` until `hashNewBytes()` is called (the CSV
    /// importer does that on another thread while it parses them); `refill` itself catches up first if needed.
    var hashWhileReading = true
    /// Where the bytes not yet fed to `hash` start in `buffer` (`count` when every byte is hashed).
    private var unhashedFrom = 0

    /// True when some bytes in the buffer are not in `hash` yet.
    var hasUnhashedBytes: Bool { unhashedFrom < count }

    /// Feeds the bytes read since the last call to `hash`. Call it from one thread at a time, never during `refill`.
    func hashNewBytes() {
        guard unhashedFrom < count, let base = buffer.baseAddress else { return }
        hash.update(UnsafeRawBufferPointer(start: base + unhashedFrom, count: count - unhashedFrom))
        unhashedFrom = count
    }

    init(path: String) throws(PriceListError) {
        self.path = path
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw PriceListError(
                file: path, line: nil, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }

    /// The file's size in bytes, for progress; nil when it cannot be known (a pipe).
    var size: Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        return Int(info.st_size)
    }

    /// Drops the bytes before `keep`, moves the rest to the front and reads more after them.
    /// Returns false when the file had nothing more to give (then `atEnd` is true).
    func refill(keepingFrom keep: Int) throws(PriceListError) -> Bool {
        hashNewBytes()
        let tail = count - keep
        if tail > 0 && keep > 0, let base = buffer.baseAddress {
            memmove(base, base + keep, tail)
        }
        count = tail
        if count == buffer.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
            bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
            buffer.deallocate()
            buffer = bigger
        }
        guard let base = buffer.baseAddress else { return false }
        var total = 0
        while count < buffer.count {
            let n = read(descriptor, base + count, buffer.count - count)
            if n < 0 {
                if errno == EINTR { continue }
                throw PriceListError(
                    file: path, line: nil, message: "read failed (\(String(cString: strerror(errno))))")
            }
            if n == 0 { break }
            count += n
            total += n
            bytesRead += n
        }
        if hashWhileReading { hash.update(UnsafeRawBufferPointer(start: base + tail, count: total)) }
        unhashedFrom = hashWhileReading ? count : tail
        if total == 0 { atEnd = true }
        return total > 0
    }
}

/// A file that cannot be imported, located by file and line when the line is known.
public struct PriceListError: Error, CustomStringConvertible, Sendable, Equatable {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
