import Foundation
import TestSupport
import Testing

/// The bill findings of issue 20 through the built binary: each refused with exit 2, a message naming file, line
/// and column, and the database unchanged; bill text escaped in terminal output.
@Suite(.serialized) struct BillHostileInputTests {
    static let focus12 = CLI.root.appendingPathComponent("Tests/Fixtures/bill/seed-focus-1.2.csv").path
    static let counts = "SELECT COUNT(*) FROM bill_line; SELECT COUNT(*) FROM bill_file; SELECT COUNT(*) FROM bill_text"

    static func fixture() throws -> (header: String, good: String) {
        let lines = try String(contentsOfFile: focus12, encoding: .utf8).split(separator: "\n")
        return (String(lines[0]), String(lines[1]))
    }

    static func sh(_ script: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script]
        try p.run()
        p.waitUntilExit()
    }

    /// Imports the fixture, then `file`; expects exit 2, `message` on stderr and the database as it was.
    func refused(_ cli: CLI, _ file: String, _ message: String) throws {
        let before = try Tacoplan.sqlite(cli.db, Self.counts)
        let r = try cli.run(["bill", "import", file])
        #expect(r.status == 2 && !r.crashed, "\(r.stderr)")
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(try Tacoplan.sqlite(cli.db, Self.counts) == before)
    }

    @Test func implausibleValuesAreRefusedNotStored() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        let (header, good) = try Self.fixture()
        // 60 significant digits: past Decimal's 38, so it would be rounded; refused instead.
        let sixty = String(repeating: "123456789", count: 6) + "." + "5"
        let huge = good.replacingOccurrences(of: "75.6,75.6,75.6,", with: "\(sixty),75.6,75.6,")
        try refused(
            cli, try cli.write("huge.csv", "\(header)\n\(huge)\n"),
            "huge.csv:2: column BilledCost: error: '1234567891234567891234567891234567891234…' is outside the range of a bill amount: 55 significant digits, more than 38"
        )
        let negative = good.replacingOccurrences(of: "75.6,75.6,75.6,", with: "-75.6,75.6,75.6,")
        try refused(
            cli, try cli.write("negative-cost.csv", "\(header)\n\(negative)\n"),
            "negative-cost.csv:2: column BilledCost: error: a negative cost (-75.6) on a Usage row")
        let zzz = good.replacingOccurrences(of: ",USD,", with: ",ZZZ,")
        try refused(
            cli, try cli.write("zzz.csv", "\(header)\n\(zzz)\n"),
            "zzz.csv:2: column BillingCurrency: error: 'ZZZ' is not an ISO 4217 currency code")
        let far = good.replacingOccurrences(
            of: "2026-11-27T00:00:00Z,2026-11-28T00:00:00Z", with: "9999-11-27T00:00:00Z,9999-11-28T00:00:00Z")
        try refused(
            cli, try cli.write("far.csv", "\(header)\n\(far)\n"),
            "far.csv:2: column ChargePeriodStart: error: '9999-11-27T00:00:00Z' is outside the plausible charge periods"
        )
        // A negative cost on a Credit row is a credit: accepted.
        let credit = negative.replacingOccurrences(of: ",Usage,", with: ",Credit,")
        #expect(try cli.run(["bill", "import", try cli.write("credit.csv", "\(header)\n\(credit)\n")]).status == 0)
    }

    @Test func aFIFOIsRefusedAtOnce() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        let fifo = cli.scratch.appendingPathComponent("bill.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Nobody writes to the FIFO: opening it for reading would block forever; it must not be opened.
        try refused(cli, fifo, "bill.fifo: error: is not a regular file (a FIFO, socket or device)")
    }

    @Test func aGzipBombOfBlankLinesEndsFastWithAClearError() throws {
        let cli = try CLI()
        #expect(try cli.run(["bill", "import", Self.focus12]).status == 0)
        let (header, _) = try Self.fixture()
        let bomb = cli.scratch.appendingPathComponent("bomb.csv.gz").path
        // The header, then 1 GiB of blank lines, gzip -1: about 1 MB on disk.
        try Self.sh(
            "{ printf '%s\\n' '\(header)'; yes '' | head -c 1073741824; } | gzip -1 > '\(bomb)'")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb)[.size] as? Int)
        #expect(size < 8 << 20)
        let started = Date()
        try refused(cli, bomb, "bomb.csv.gz:1002: error: more than 1000 empty lines in a row")
        // Bounded: the import stops at the 1,001st blank line (generous bound, not a performance test).
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func billTextIsEscapedInReconcileAndBillList() throws {
        let cli = try CLI()
        let (header, good) = try Self.fixture()
        // A ServiceName carrying an OSC 52 clipboard write and a screen clear; an account id with a bell.
        let hostile = "Amazon Evil\u{1B}]52;c;ZWNobyBwd25lZA==\u{07}\u{1B}[2J"
        let row = good.replacingOccurrences(of: ",Amazon ElastiCache,", with: ",\(hostile),")
            .replacingOccurrences(of: ",AmazonElastiCache,", with: ",AmazonEvil,")
            .replacingOccurrences(of: ",111122223333,Traffic", with: ",1111\u{07}22223333,Traffic")
        #expect(try cli.run(["bill", "import", try cli.write("evil.csv", "\(header)\n\(row)\n")]).status == 0)
        let r = try cli.run([
            "reconcile", "plans/traffic-tacos.yaml", "--evidence", "reference", "--as-of", "2026-11-27", "--from",
            "2026-11-27", "--to", "2026-11-28",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(r.stdout.contains("Amazon Evil\\u{1B}]52;c;ZWNobyBwd25lZA==\\u{7}\\u{1B}[2J"))
        let list = try cli.run(["bill", "list"])
        #expect(!list.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        #expect(list.stdout.contains("1111\\u{7}22223333"))
    }
}
