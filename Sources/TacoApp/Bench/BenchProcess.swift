import Foundation

/// Runs one external program (redis-cli, redis-benchmark) with a wall-clock bound; output goes through temporary
/// files (in the run's work directory, `BenchRunDirectory`) so a large reply never blocks a pipe. Killed by its own
/// PID when the bound passes.
enum BenchProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A measurement that went wrong (exit 7, `ExitStatus.benchFailed`).
    static func failure(_ description: String) -> AppFailure {
        AppFailure(.benchFailed, ["error: \(description)"])
    }

    /// The first `name` on PATH, or nil.
    static func which(_ name: String, path: String?) -> String? {
        for dir in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(
        _ executable: String, _ arguments: [String], stdinFile: String? = nil, timeout: Double, in scratch: String
    ) throws -> Output {
        let dir = URL(fileURLWithPath: scratch).appendingPathComponent("call-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let err = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let stdinFile {
            guard let input = FileHandle(forReadingAtPath: stdinFile) else {
                throw failure("cannot read \(stdinFile)")
            }
            process.standardInput = input
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let shown = ([executable] + arguments).joined(separator: " ")
            throw failure(
                "\(shown) did not finish within \(Int(timeout)) s (raise --timeout or lower the counts)")
        }
        process.waitUntilExit()
        let text = { (url: URL) in String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self) }
        return Output(status: process.terminationStatus, stdout: text(out), stderr: text(err))
    }
}
