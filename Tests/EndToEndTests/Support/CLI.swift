import Foundation
import Testing

/// What one run of the built `tacoplan` binary did.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// No crash report on stderr, whatever the exit code.
    var crashed: Bool {
        stderr.contains("Fatal error") || stderr.contains("Stack dump") || stderr.contains("Segmentation fault")
    }
}

/// Runs the binary SwiftPM built at `<package root>/.build/debug/tacoplan`, from the package root, with a scratch
/// directory per test for plan files and the database, so no test touches the user's database.
final class CLI {
    /// The package root, found from this file (Tests/EndToEndTests/Support/CLI.swift).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/tacoplan")

    /// A fresh directory for this test; removed when the CLI value goes away.
    let scratch: URL
    /// The database every run uses unless a test passes its own `--db`.
    var db: String { scratch.appendingPathComponent("tacoplan.sqlite").path }

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tacoplan-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// Writes `text` to a file in the scratch directory and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    func write(_ name: String, _ bytes: Data) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try bytes.write(to: url)
        return url.path
    }

    /// Runs `tacoplan args… --db <scratch db>` with TACOPLAN_DB removed, HOME and XDG_DATA_HOME in the scratch
    /// directory and NO_COLOR set; `environment` entries are added last.
    func run(_ args: [String], db: String? = nil, environment: [String: String] = [:]) throws -> CLIResult {
        try #require(
            FileManager.default.isExecutableFile(atPath: CLI.binary.path),
            "no binary at \(CLI.binary.path): run `swift build` first")
        let process = Process()
        process.executableURL = CLI.binary
        var arguments = args
        if let db = db ?? (environment["TACOPLAN_DB"] == nil ? self.db : nil) { arguments += ["--db", db] }
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TACOPLAN_DB")
        env["HOME"] = scratch.path
        env["XDG_DATA_HOME"] = scratch.path
        env["NO_COLOR"] = "1"
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

    /// A small valid plan, the base of every bad-input variation. Lines: 1 name, 2 event, 3 region, 4 window,
    /// 5 seats, 6 users, 7 ramp, 8 target_wait, 9 clients, 10 status_poll, 11 apis, 12 status, 13 per,
    /// 14 commands, 15 ZRANK, 16 admission, 17 backend_capacity, 18 redis, 19 candidates, 20 gateway,
    /// 21 rps_per_pod, 22 node_candidates.
    static let minimal = """
        name: Minimal
        event:
          region: us-east-1
          window: 30m
          seats: 10000
          users: 300000
          ramp: 60s
          target_wait: 300s
        clients:
          status_poll: 5s
        apis:
          status:
            per: poll
            commands:
              - { command: ZRANK, key: queue }
        admission:
          backend_capacity: 3000
        redis:
          candidates: [cache.m7g.xlarge]
        gateway:
          rps_per_pod: 1667
          node_candidates: [c7g.xlarge]

        """

    /// The minimal plan with one exact fragment replaced; the fragment must be present.
    static func variant(_ old: String, _ new: String) throws -> String {
        try #require(minimal.contains(old), "the minimal plan does not contain \(old)")
        return minimal.replacingOccurrences(of: old, with: new)
    }
}

/// The JSON document `estimate --format json` prints, read with JSONSerialization.
struct EstimateJSON {
    let root: [String: Any]
    let estimate: [String: Any]

    init(_ text: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        root = try #require(object as? [String: Any])
        estimate = try #require(root["estimate"] as? [String: Any])
    }

    func figure(_ id: String) throws -> [String: Any] {
        let figures = try #require(estimate["figures"] as? [[String: Any]])
        return try #require(figures.first { $0["id"] as? String == id }, "no figure \(id)")
    }

    func display(_ id: String) throws -> String? { try figure(id)["display"] as? String }

    func section(_ name: String) throws -> [String: Any] {
        try #require(estimate[name] as? [String: Any])
    }

    func costLine(_ resource: String) throws -> [String: Any] {
        let costs = try #require(estimate["costs"] as? [[String: Any]])
        return try #require(costs.first { $0["resource"] as? String == resource }, "no \(resource) cost line")
    }
}
