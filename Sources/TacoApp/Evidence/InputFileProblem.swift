import Foundation
import TacoCore

/// Why an input file cannot be read, as one closed set: each case has its own sentence and fix, so a directory, a
/// device, a FIFO and an unreadable file are never all called "cannot read the file".
public enum InputFileProblem: Error, Sendable, Equatable {
    case noSuchFile
    case isDirectory
    /// A character or block device, a FIFO or a socket: its size says nothing and reading it may never end.
    case notRegular
    case permissionDenied
    /// Over the kind's limit: `bytes` is the size `fstat` reported, nil when the file grew past the limit while
    /// it was read.
    case tooLarge(bytes: Int?, kind: InputKind)
    case notUTF8
    /// A NUL byte: a binary file (or a text file with a binary part), on this 1-based line.
    case nulByte(line: Int)
    /// Any other `open`/`read` failure, with the system's sentence.
    case system(String)

    /// The sentence after "PATH: error: ".
    public var reason: String {
        switch self {
        case .noSuchFile: "no such file"
        case .isDirectory: "is a directory, not a file"
        case .notRegular: "is not a regular file (a device or FIFO)"
        case .permissionDenied: "permission denied"
        case .tooLarge(let bytes, let kind):
            "the \(kind.noun) is " + (bytes.map { "\(Self.grouped($0)) bytes" } ?? "larger than its limit")
                + "; a \(kind.noun) is limited to "
                + "\(Self.grouped(kind.maximumBytes)) bytes (\(kind.maximumBytes / 1_048_576) MiB)"
        case .notUTF8: "the file is not UTF-8 text"
        case .nulByte(let line): "a NUL byte on line \(line): this is a binary file, not text"
        case .system(let why): "cannot read the file: \(why)"
        }
    }

    /// What to do about it.
    public func fix(_ path: String, kind: InputKind) -> String {
        switch self {
        case .noSuchFile:
            kind == .plan
                ? "check the path; bundled plans are in plans/ (e.g. plans/traffic-tacos.yaml)" : "check the path"
        case .isDirectory: "name a file inside the directory, not the directory itself"
        case .notRegular: "save the content to a regular file and pass that file's path"
        case .permissionDenied: "make the file readable (chmod u+r \(path)) or run as a user who can read it"
        case .tooLarge: kind.shrinkFix
        case .notUTF8: "save the \(kind.noun) as UTF-8 text"
        case .nulByte:
            "check that you named the \(kind.noun), not a binary file; save it as UTF-8 text without NUL bytes"
        case .system: "check the path and the file system"
        }
    }

    /// The lines of an `AppFailure` naming the file.
    func lines(_ path: String, kind: InputKind) -> [String] { diagnostic(path, kind: kind).lines }

    /// The problem as a diagnostic naming the file.
    public func diagnostic(_ path: String, kind: InputKind) -> Diagnostic {
        .file(path, reason, fix: fix(path, kind: kind))
    }

    /// 5000000 → "5,000,000".
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
