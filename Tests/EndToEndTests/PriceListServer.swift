import Foundation
import TestSupport
import Testing

/// The loopback server of `Tests/Fixtures/fetch/price_list_server.py`, started by a test and stopped when the value
/// goes away. Serves `root` in the AWS Price List URL layout; `faults` switch drop/slow/404 modes between runs.
final class PriceListServer {
    static let script = CLI.root.appendingPathComponent("Tests/Fixtures/fetch/price_list_server.py").path

    let process = Process()
    let port: Int
    let control: URL
    let log: URL
    var endpoint: String { "http://127.0.0.1:\(port)" }

    init(root: URL) throws {
        control = root.appendingPathComponent("control.json")
        log = root.appendingPathComponent("requests.log")
        try Data("{}".utf8).write(to: control)
        try Data().write(to: log)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.script, "--root", root.appendingPathComponent("mirror").path, "--control", control.path,
            "--log", log.path,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is "PORT <n>" once the socket listens.
        var line = Data()
        while !line.contains(10) {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        port = try #require(text.hasPrefix("PORT ") ? Int(text.dropFirst(5)) : nil, "the server printed '\(text)'")
    }

    deinit {
        // SIGKILL: it cannot be blocked, and Foundation's Process starts children with most signals blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Sets the fault modes: paths to drop half-way, to answer slowly (seconds), to 404.
    func faults(drop: [String] = [], slow: [String: Double] = [:], missing: [String] = []) throws {
        let object: [String: Any] = ["drop": drop, "slow": slow, "missing": missing]
        try JSONSerialization.data(withJSONObject: object).write(to: control)
    }

    struct Request {
        var path: String
        var status: Int
        var bytes: Int
        var range: String
    }

    /// Every request served so far, oldest first.
    func requests() throws -> [Request] {
        let text = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            let entry = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return Request(
                path: entry["path"] as? String ?? "", status: entry["status"] as? Int ?? 0,
                bytes: entry["bytes"] as? Int ?? -1, range: entry["range"] as? String ?? "")
        }
    }
}
