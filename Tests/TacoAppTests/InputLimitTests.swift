import Foundation
import TacoApp
import TestSupport
import Testing

/// Every input file has its own size limit, checked from its size before it is read, and every kind of bad path its
/// own sentence (issue 13). Oversized files are sparse (`ftruncate`), so the tests write no megabytes.
@Suite struct InputLimitTests {
    /// A file of `bytes` bytes that starts with `head` (the rest is a hole of NULs).
    func sparse(_ run: AppRun, _ name: String, bytes: Int, head: String = "") throws -> String {
        let path = try run.write(name, head)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        #expect(ftruncate(fd, off_t(bytes)) == 0)
        close(fd)
        return path
    }

    /// The `AppFailure` `body` throws; any other error is recorded as a test issue.
    func failure(_ body: () throws -> Void) -> AppFailure? {
        do {
            try body()
            return nil
        } catch let failure as AppFailure {
            return failure
        } catch {
            Issue.record("not an AppFailure: \(error)")
            return nil
        }
    }

    func expect(_ f: AppFailure?, _ fragments: [String]) {
        guard let f else {
            Issue.record("expected an input failure containing \(fragments)")
            return
        }
        #expect(f.status == .invalidInput)
        for s in fragments { #expect(f.description.contains(s), "\(f.description) lacks \(s)") }
    }

    @Test func aPlanOneByteOverFourMiBIsRefusedBeforeItIsRead() throws {
        let run = try AppRun()
        // 4 MiB = 4 × 1,048,576 = 4,194,304 bytes; one more byte is over the limit.
        let path = try sparse(run, "big.yaml", bytes: 4_194_305, head: "name: x\n")
        expect(
            failure { _ = try PlanFiles.family(path) },
            [
                "\(path): error: the plan is 4,194,305 bytes;",
                "limited to 4,194,304 bytes (4 MiB)", "fix: a plan is a few KB",
            ])
    }

    @Test func aPlanOfExactlyFourMiBIsRead() throws {
        let run = try AppRun()
        // At the limit the whole file is read: 4,194,304 bytes of text (ASCII, one byte each).
        let path = try run.write("edge.yaml", String(repeating: "#", count: 4_194_303) + "\n")
        let text = try TextFiles.read(path, as: .plan)
        #expect(text.utf8.count == 4_194_304)
    }

    @Test func anExtendsTargetOverTheLimitIsNamedWithTheReason() throws {
        let run = try AppRun()
        _ = try sparse(run, "huge-base.yaml", bytes: 5 * 1_048_576)
        let child = try run.write("child.yaml", "extends: huge-base.yaml\nname: child\n")
        // 5 MiB = 5,242,880 bytes.
        expect(
            failure { _ = try PlanFiles.family(child) },
            ["cannot read 'huge-base.yaml'", "the plan is 5,242,880 bytes;", "limited to 4,194,304 bytes"])
    }

    @Test func aDirectoryIsCalledADirectory() throws {
        let run = try AppRun()
        expect(
            failure { _ = try PlanFiles.family(run.scratch.path) },
            ["\(run.scratch.path): error: is a directory, not a file", "fix: name a file inside the directory"])
    }

    @Test func devZeroIsNotARegularFile() {
        expect(
            failure { _ = try PlanFiles.family("/dev/zero") },
            ["/dev/zero: error: is not a regular file (a device or FIFO)", "fix: save the content to a regular file"])
    }

    @Test(.timeLimit(.minutes(1))) func aFIFOIsRefusedWithoutWaitingForAWriter() throws {
        let run = try AppRun()
        let fifo = run.scratch.appendingPathComponent("plan.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // No writer ever opens the FIFO: a blocking open would hang here until the time limit.
        expect(
            failure { _ = try PlanFiles.family(fifo) },
            ["\(fifo): error: is not a regular file (a device or FIFO)"])
    }

    @Test func anExtendsTargetThatIsAFIFOIsRefused() throws {
        let run = try AppRun()
        #expect(mkfifo(run.scratch.appendingPathComponent("base.fifo").path, 0o600) == 0)
        let child = try run.write("child.yaml", "extends: base.fifo\nname: child\n")
        expect(
            failure { _ = try PlanFiles.family(child) },
            ["cannot read 'base.fifo'", "is not a regular file (a device or FIFO)"])
    }

    @Test(.enabled(if: getuid() != 0, "root reads any file; EndToEndTests checks this as user nobody"))
    func anUnreadableFileIsPermissionDenied() throws {
        let run = try AppRun()
        let path = try run.write("secret.yaml", "name: x\n")
        #expect(chmod(path, 0) == 0)
        expect(
            failure { _ = try PlanFiles.family(path) },
            ["\(path): error: permission denied", "fix: make the file readable (chmod u+r \(path))"])
    }

    @Test func aMissingFileIsNoSuchFile() throws {
        let run = try AppRun()
        let path = run.scratch.appendingPathComponent("absent.yaml").path
        expect(failure { _ = try PlanFiles.family(path) }, ["\(path): error: no such file"])
    }

    func ingest(_ run: AppRun, _ path: String) -> AppFailure? {
        failure { _ = try IngestUseCase.run(files: [path], list: false, db: run.db, context: run.context) }
    }

    @Test func aK6SummaryOver16MiBIsRefused() throws {
        let run = try AppRun()
        // 16 MiB = 16 × 1,048,576 = 16,777,216 bytes; the file is one byte more.
        let path = try sparse(run, "summary.json", bytes: 16_777_217, head: "{")
        expect(
            ingest(run, path),
            ["\(path): error: the k6 summary JSON is 16,777,217 bytes;", "limited to 16,777,216 bytes"])
        // Nothing was stored: the database was never created.
        #expect(!FileManager.default.fileExists(atPath: run.db))
    }

    @Test func aStepCSVOver16MiBIsRefused() throws {
        let run = try AppRun()
        let path = try sparse(run, "steps.csv", bytes: 16_777_217, head: "rps,pods\n100,2\n")
        expect(ingest(run, path), ["the step CSV is 16,777,217 bytes;", "limited to 16,777,216 bytes"])
    }

    @Test func k6CSVOutputHasTheLargerLimit() throws {
        let run = try AppRun()
        // 17 MiB of k6 CSV is within its 64 MiB limit (64 × 1,048,576 = 67,108,864), so the size check passes
        // and the parser sees it (the NUL hole is then not UTF-8 text… or not k6 rows; either way not a size error).
        let within = try sparse(run, "within.csv", bytes: 17 * 1_048_576, head: "metric_name,timestamp\n")
        let withinFailure = ingest(run, within)
        #expect(withinFailure.map { !$0.description.contains("limited to") } ?? true)
        let over = try sparse(run, "over.csv", bytes: 67_108_865, head: "metric_name,timestamp\n")
        expect(
            ingest(run, over),
            ["\(over): error: the k6 CSV output is 67,108,865 bytes;", "limited to 67,108,864 bytes"])
    }

    @Test func aCostCSVOver1MiBIsRefused() throws {
        let run = try AppRun()
        // 1 MiB = 1,048,576 bytes.
        let path = try sparse(run, "costs.csv", bytes: 1_048_577, head: "engine,version\n")
        expect(
            failure { _ = try CommandCosts.load(path) },
            ["the cost CSV is 1,048,577 bytes;", "limited to 1,048,576 bytes (1 MiB)"])
    }
}
