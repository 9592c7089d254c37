import Foundation
import Testing

/// What one run of the built `tacoplan` binary did.
public struct CLIResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    /// No crash report on stderr, whatever the exit code.
    public var crashed: Bool {
        stderr.contains("Fatal error") || stderr.contains("Stack dump") || stderr.contains("Segmentation fault")
    }
}

/// Runs the binary SwiftPM built at `<package root>/.build/debug/tacoplan`, from the package root, with a scratch
/// directory per test for plan files and the database, so no test touches the user's database.
public final class CLI {
    /// The package root, found from this file (Tests/TestSupport/CLI.swift).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let binary = root.appendingPathComponent(".build/debug/tacoplan")

    /// A fresh directory for this test; removed when the CLI value goes away.
    public let scratch: URL
    /// The database every run uses unless a test passes its own `--db`.
    public var db: String { scratch.appendingPathComponent("tacoplan.sqlite").path }

    public init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Writes `text` to a file in the scratch directory and returns its path.
    public func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    public func write(_ name: String, _ bytes: Data) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    /// Runs `tacoplan args… --db <scratch db>` with TACOPLAN_DB removed, HOME and XDG_DATA_HOME in the scratch
    /// directory and NO_COLOR set; `environment` entries are added last.
    /// `addDB: false` passes `args` unchanged (commands without `--db`, or a test that names its own);
    /// `directory` is the working directory (default: the package root).
    public func run(
        _ args: [String], db: String? = nil, environment: [String: String] = [:], addDB: Bool = true,
        directory: URL? = nil
    ) throws -> CLIResult {
        var arguments = args
        if addDB, let db = db ?? (environment["TACOPLAN_DB"] == nil ? self.db : nil) { arguments += ["--db", db] }
        return try program(CLI.binary.path, arguments, environment: environment, directory: directory)
    }

    /// Starts `executable` with pipes for stdout and stderr (tests that kill a run part-way).
    public static func start(_ executable: String, _ arguments: [String]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs any program (the built `tacoplan-bench`, the sqlite3 shell) the way `run` runs tacoplan.
    public func program(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], directory: URL? = nil
    ) throws -> CLIResult {
        try #require(
            FileManager.default.isExecutableFile(atPath: executable),
            "no program at \(executable): run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? CLI.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TACOPLAN_DB")
        env["HOME"] = scratch.path
        env["XDG_DATA_HOME"] = scratch.path
        env["NO_COLOR"] = "1"
        // Content tests read whole lines: tables and prose are not folded unless a test sets COLUMNS itself
        // (issue 19: without COLUMNS a non-terminal gets 120 columns; `TerminalWidthTests` checks that).
        env["COLUMNS"] = "100000"
        env.merge(environment) { _, new in new }
        process.environment = env
        let id = UUID().uuidString
        let outURL = scratch.appendingPathComponent("stdout-\(id)")
        let errURL = scratch.appendingPathComponent("stderr-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CLIResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// The JSON document `estimate --format json` prints, read with JSONSerialization.
public struct EstimateJSON {
    public let root: [String: Any]
    public let estimate: [String: Any]

    public init(_ text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        root = try #require(object as? [String: Any])
        estimate = try #require(root["estimate"] as? [String: Any])
    }

    public func figure(_ id: String) throws -> [String: Any] {
        let figures = try #require(estimate["figures"] as? [[String: Any]])
        return try #require(figures.first { $0["id"] as? String == id }, "no figure \(id)")
    }

    public func display(_ id: String) throws -> String? { try figure(id)["display"] as? String }

    public func section(_ name: String) throws -> [String: Any] {
        try #require(estimate[name] as? [String: Any])
    }

    public func costLine(_ resource: String) throws -> [String: Any] {
        let costs = try #require(estimate["costs"] as? [[String: Any]])
        return try #require(costs.first { $0["resource"] as? String == resource }, "no \(resource) cost line")
    }
}
