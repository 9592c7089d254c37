import Foundation
import TacoCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `bench redis --output FILE`, checked BEFORE the measurement starts (a measurement takes minutes; an unwritable
/// destination found afterwards loses it) and written with every error reported.
enum BenchOutput {
    /// The destination must be a regular file (existing or new) in an existing, writable directory. A directory,
    /// a device (`/dev/full`), a FIFO or a socket is refused: standard output is the way to stream the CSV.
    static func check(_ path: String) throws(AppFailure) {
        func refuse(_ why: String, _ fix: String) -> AppFailure {
            AppFailure.input(.file(path, "--output \(why)", fix: fix))
        }
        guard !path.isEmpty else {
            throw refuse("is empty", "name a file, or omit --output to write to standard output")
        }
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                guard access(path, W_OK) == 0 else {
                    throw refuse("exists and is not writable", "choose a writable --output path")
                }
                return
            case S_IFDIR: throw refuse("is a directory", "name a file inside it, e.g. \(path)/costs.csv")
            default:
                throw refuse(
                    "is not a regular file (a device, FIFO or socket)",
                    "name a regular file, or omit --output to write to standard output")
            }
        }
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent
        var pst = stat()
        guard stat(dir, &pst) == 0, pst.st_mode & S_IFMT == S_IFDIR else {
            throw refuse(
                "is in \(dir), which is not an existing directory", "create the directory first or choose another path")
        }
        guard access(dir, W_OK | X_OK) == 0 else {
            throw refuse("is in \(dir), which is not writable", "choose a writable --output directory")
        }
    }

    /// Writes the CSV atomically (a temporary file in the same directory, then a rename); any error — a full
    /// device, a vanished directory — is an error naming the destination (exit 2), never "wrote".
    static func write(_ csv: String, to path: String) throws(AppFailure) {
        try check(path)
        do {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AppFailure.input(
                .file(
                    path, "cannot write the CSV: \(error.localizedDescription)",
                    fix:
                        "choose a writable --output path with free space (the measurement is still on standard error's log)"
                ))
        }
    }
}
