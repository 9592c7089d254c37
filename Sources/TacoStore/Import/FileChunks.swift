import CZlib
import TacoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a file in large chunks with `read(2)` into one reusable buffer, keeping an unfinished tail
/// (a record cut by the chunk boundary) in front of the next chunk. Memory stays at about one chunk
/// whatever the file size; it grows only if a single record is larger than a chunk.
/// With `readAhead` on, the next chunk is read on another thread while the current one is parsed, into a second
/// buffer with room in front for the unfinished tail (double buffering): `refill` then copies only the tail.
/// `@unchecked Sendable`: the CSV importer lets one worker run `hashNewBytes()` while the buffer is parsed (read
/// only) and waits for it before the next `refill`; the read-ahead task alone touches the spare buffer and its
/// results until `refill` or `deinit` waits for it; nothing else crosses threads.
final class FileChunks: @unchecked Sendable {
    /// Bytes read per `read(2)` call: large enough that system calls are negligible, small enough for the RSS budget.
    static let chunkSize = 4 << 20
    /// Room in front of the read-ahead buffer for the unfinished record of the chunk before: a longer tail (a
    /// record over 256 KiB) is moved and the read-ahead bytes copied after it instead.
    static let tailRoom = 256 << 10

    let path: String
    private let descriptor: Int32
    /// The allocation `buffer` lies in, and where `buffer` starts in it.
    private var storage: UnsafeMutableRawBufferPointer
    private var origin = 0
    /// The bytes of the current chunk start at `buffer.baseAddress`.
    var buffer: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: storage[origin...])
    }
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

    /// When true, each `refill` starts reading the next chunk on another thread (see the type's comment).
    var readAhead = false
    /// The read-ahead buffer: `tailRoom` bytes, then up to `chunkSize` read ahead.
    private var spare: UnsafeMutableRawBufferPointer
    /// The thread reading ahead, made on the first read-ahead.
    private var reader: WorkerThread?
    /// A read-ahead was started and `refill` has not taken its bytes yet.
    private var readPending = false
    /// What the read-ahead got: bytes after `tailRoom`, or the error to throw at the next `refill`.
    private var spareCount = 0
    private var spareError: PriceListError?

    /// True when some bytes in the buffer are not in `hash` yet.
    var hasUnhashedBytes: Bool { unhashedFrom < count }

    /// Feeds the bytes read since the last call to `hash`. Call it from one thread at a time, never during `refill`.
    func hashNewBytes() {
        guard unhashedFrom < count, let base = buffer.baseAddress else { return }
        hash.update(UnsafeRawBufferPointer(start: base + unhashedFrom, count: count - unhashedFrom))
        unhashedFrom = count
    }

    /// A gzip price list is decompressed as it is read (zlib); nil for a plain file.
    private let gzip: gzFile?
    /// The most decompressed bytes a gzip file may give: `GzipLimits.maxExpansion` times its compressed size, at
    /// least `GzipLimits.floorBytes`.
    private let decompressedLimit: Int

    /// Opens `path` for reading. The open is non-blocking and the type is checked with `fstat` before any byte is
    /// read, so a FIFO, `/dev/zero` or a socket is refused at once instead of hanging or reading forever.
    init(path: String) throws(PriceListError) {
        self.path = path
        let name = path.split(separator: "/").last.map(String.init) ?? path
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENXIO || code == ENODEV {
                throw PriceListError(
                    file: path, line: nil,
                    message: "is not a regular file (a device with nothing to read, such as /dev/tty without a "
                        + "terminal): save the price list to a regular file and import that")
            }
            let why =
                code == ENOENT ? "no such file" : code == EACCES ? "permission denied" : String(cString: strerror(code))
            throw PriceListError(file: path, line: nil, message: "cannot open the file (\(why))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            close(descriptor)
            throw PriceListError(file: path, line: nil, message: "cannot read the file's type")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            close(descriptor)
            throw PriceListError(file: path, line: nil, message: "is a directory: name the price-list files in it")
        default:
            close(descriptor)
            throw PriceListError(
                file: path, line: nil,
                message: "is not a regular file (a device, FIFO or socket), so reading it may never end: save the "
                    + "price list to a regular file and import that")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var magic: [UInt8] = [0, 0]
        let isGzip = pread(descriptor, &magic, 2, 0) == 2 && magic == [0x1F, 0x8B]
        if isGzip {
            let copy = dup(descriptor)
            guard copy >= 0, let opened = gzdopen(copy, "rb") else {
                if copy >= 0 { close(copy) }
                close(descriptor)
                throw PriceListError(file: name, line: nil, message: "cannot open the gzip stream")
            }
            gzip = opened
        } else {
            gzip = nil
        }
        let compressed = Int(info.st_size)
        let (product, overflow) = compressed.multipliedReportingOverflow(by: GzipLimits.maxExpansion)
        decompressedLimit = overflow ? Int.max : max(GzipLimits.floorBytes, product)
        storage = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        spare = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    }

    deinit {
        reader?.wait()
        reader?.stop()
        if let gzip { gzclose(gzip) }
        close(descriptor)
        storage.deallocate()
        spare.deallocate()
    }

    /// Reads up to `room` bytes at `at`: decompressed through zlib for a gzip file, straight from the file otherwise.
    /// `before`: the bytes read before these (the gzip expansion limit counts them).
    private func readBytes(_ at: UnsafeMutableRawPointer, _ room: Int, after before: Int) throws(PriceListError) -> Int
    {
        guard let gzip else {
            while true {
                let n = read(descriptor, at, room)
                if n < 0 && errno == EINTR { continue }
                if n < 0 {
                    throw PriceListError(
                        file: path, line: nil, message: "read failed (\(String(cString: strerror(errno))))")
                }
                return n
            }
        }
        let n = Int(gzread(gzip, at, UInt32(min(room, 1 << 30))))
        var code: Int32 = 0
        if n < 0 || (n == 0 && (gzerror(gzip, &code) != nil && code != Z_OK)) {
            throw PriceListError(
                file: path, line: nil,
                message: "the gzip stream is truncated or damaged after \(before) decompressed bytes: download "
                    + "the file again")
        }
        if before + n > decompressedLimit {
            throw PriceListError(
                file: path, line: nil,
                message: "the gzip file expands past \(decompressedLimit >> 20) MiB (more than "
                    + "\(GzipLimits.maxExpansion)× its compressed size): a gzip bomb or not a price list; nothing was "
                    + "imported")
        }
        return n
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
        if readPending { return try takeReadAhead(keepingFrom: keep) }
        let tail = count - keep
        moveTail(from: keep, room: 1)
        guard let base = buffer.baseAddress else { return false }
        var total = 0
        while count < buffer.count {
            let n = try readBytes(base + count, buffer.count - count, after: bytesRead)
            if n == 0 { break }
            count += n
            total += n
            bytesRead += n
        }
        if hashWhileReading { hash.update(UnsafeRawBufferPointer(start: base + tail, count: total)) }
        unhashedFrom = hashWhileReading ? count : tail
        if total == 0 { atEnd = true }
        if readAhead && total > 0 { startReadAhead() }
        return total > 0
    }

    /// Moves the bytes from `keep` to the start of `storage` and makes sure `room` more bytes fit after them
    /// (doubling the allocation for a record longer than it).
    private func moveTail(from keep: Int, room: Int) {
        let tail = count - keep
        if tail > 0 && (keep > 0 || origin > 0), let base = storage.baseAddress {
            memmove(base, base + origin + keep, tail)
        }
        origin = 0
        count = tail
        if count + room > storage.count {
            let bigger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(storage.count * 2, count + room), alignment: 16)
            bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[..<count]))
            storage.deallocate()
            storage = bigger
        }
    }

    /// Starts reading up to `chunkSize` bytes into `spare` after its `tailRoom` on another thread.
    private func startReadAhead() {
        // The first call, and the first after the first swap (the buffer `init` allocated has no tail room).
        if spare.count < Self.tailRoom + Self.chunkSize {
            spare.deallocate()
            spare = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.tailRoom + Self.chunkSize, alignment: 16)
        }
        readPending = true
        let before = bytesRead
        let reader = reader ?? WorkerThread(name: "tacoplan-read")
        self.reader = reader
        reader.start { [self] in
            spareCount = 0
            spareError = nil
            guard let base = spare.baseAddress else { return }
            do throws(PriceListError) {
                while spareCount < Self.chunkSize {
                    let n = try readBytes(
                        base + Self.tailRoom + spareCount, Self.chunkSize - spareCount, after: before + spareCount)
                    if n == 0 { break }
                    spareCount += n
                }
            } catch {
                spareError = error
            }
        }
    }

    /// `refill` when a read-ahead was started: waits for it, puts the tail from `keep` in front of its bytes
    /// (in the spare buffer's room, which then becomes the buffer; or, for a longer tail, at the start of the
    /// buffer with the bytes copied after it) and starts the next read-ahead.
    private func takeReadAhead(keepingFrom keep: Int) throws(PriceListError) -> Bool {
        reader?.wait()
        readPending = false
        if let spareError { throw spareError }
        let tail = count - keep
        let total = spareCount
        if tail <= Self.tailRoom, let from = buffer.baseAddress, let to = spare.baseAddress {
            if tail > 0 { memcpy(to + Self.tailRoom - tail, from + keep, tail) }
            swap(&storage, &spare)
            origin = Self.tailRoom - tail
            count = tail + total
        } else {
            moveTail(from: keep, room: total)
            if total > 0, let to = storage.baseAddress, let from = spare.baseAddress {
                memcpy(to + count, from + Self.tailRoom, total)
            }
            count += total
        }
        bytesRead += total
        if hashWhileReading { hash.update(UnsafeRawBufferPointer(rebasing: buffer[tail..<count])) }
        unhashedFrom = hashWhileReading ? count : tail
        if total == 0 { atEnd = true }
        if readAhead && total > 0 { startReadAhead() }
        return total > 0
    }
}

/// Bounds on gzip price lists, so a small file cannot expand without end (a gzip bomb).
enum GzipLimits {
    /// Decompressed bytes per compressed byte: 100. An AWS-shaped EC2 price-list CSV compresses about 16:1 with
    /// gzip (`tacoplan-bench generate-ec2-csv 100000 F aws`: 80.9 MB → 4.9 MB); deflate's ceiling is about
    /// 1,032:1, which only a crafted or degenerate file (blank lines) reaches.
    static let maxExpansion = 100
    /// Whatever the ratio, a gzip file may expand to 64 MiB, so small real files are never refused.
    static let floorBytes = 64 << 20
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
