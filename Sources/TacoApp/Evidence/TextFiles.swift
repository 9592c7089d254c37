import Foundation

/// Reads an input file the user named (plan, costs, benchmark, load test) as UTF-8 text, within the size limit of
/// its `InputKind`. The file is opened non-blocking (a FIFO never hangs the open), checked with `fstat` before any
/// byte is read (a directory, a device or a FIFO is refused by type; a regular file larger than the limit by its
/// size), and then read to at most limit + 1 bytes, so a file that grows after the check is still caught.
public enum TextFiles {
    /// The file at `path` as text, or an input failure (exit 2) naming the file, the problem and the fix.
    public static func read(_ path: String, as kind: InputKind) throws(AppFailure) -> String {
        do {
            return try text(path, as: kind)
        } catch {
            throw AppFailure.input(error.lines(path, kind: kind))
        }
    }

    /// A `validate --benchmark` file: a step CSV when its name ends in `.csv`, else a benchmark YAML.
    public static func read(_ path: String) throws(AppFailure) -> String {
        try read(path, as: path.lowercased().hasSuffix(".csv") ? .stepCSV : .benchmarkYAML)
    }

    /// The file's text, or the one problem that stops it being read.
    public static func text(_ path: String, as kind: InputKind) throws(InputFileProblem) -> String {
        let data = try bytes(path, limit: kind.maximumBytes, kind: kind)
        if let nul = data.firstIndex(of: 0) {
            throw .nulByte(line: data[..<nul].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) })
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8 }
        return text
    }

    /// The first `count` bytes of a regular file (fewer if it is shorter), with the checks of `text` except the
    /// size limit: enough to tell which kind, and so which limit, a file has.
    public static func prefix(_ path: String, count: Int, as kind: InputKind) throws(InputFileProblem) -> Data {
        try bytes(path, limit: kind.maximumBytes, kind: kind, stopAfter: count)
    }

    static func bytes(_ path: String, limit: Int, kind: InputKind, stopAfter: Int? = nil) throws(InputFileProblem)
        -> Data
    {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw problem(errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .isDirectory
        default: throw .notRegular
        }
        let size = Int(info.st_size)
        guard size <= limit || stopAfter != nil else { throw .tooLarge(bytes: size, kind: kind) }
        let wanted = min(stopAfter ?? (limit + 1), limit + 1)
        // A peek (`stopAfter`) allocates only what it reads; a whole read the file's size plus one byte to notice
        // growth, doubling (up to the limit + 1) if the file grew after `fstat`.
        var data = Data(count: min(min(size, limit) + 1, wanted))
        var filled = 0
        while filled < wanted {
            if filled == data.count { data.count = min(wanted, data.count * 2) }
            let room = min(data.count, wanted) - filled
            let n = data.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.read(fd, base + filled, room)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw problem(errno)
            }
            if n == 0 { break }
            filled += n
        }
        if stopAfter == nil, filled > limit { throw .tooLarge(bytes: nil, kind: kind) }
        data.count = filled
        return data
    }

    /// The problem an `errno` from `open`, `fstat` or `read` stands for.
    static func problem(_ code: Int32) -> InputFileProblem {
        switch code {
        case ENOENT, ENOTDIR: .noSuchFile
        case EACCES, EPERM: .permissionDenied
        case EISDIR: .isDirectory
        // A device that cannot be opened (`/dev/tty` without a controlling terminal): not a file to read.
        case ENXIO, ENODEV: .notRegular
        default: .system(String(cString: strerror(code)))
        }
    }
}
