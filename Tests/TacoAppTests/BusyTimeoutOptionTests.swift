import Foundation
import TacoApp
import TestSupport
import Testing

/// `$TACOPLAN_BUSY_TIMEOUT` (DatabaseOpener): a number of seconds from 0.1 to 3600 sets how long a writing command
/// waits for another writer; anything else is refused with exit 2 before the database is touched. The wait itself
/// is seen through the binary (`HostileInputTests.aLockedDatabaseSaysLockedAndTryAgainNotRemoveIt`, 1 s).
@Suite struct BusyTimeoutOptionTests {
    func context(_ run: AppRun, _ value: String) -> AppContext {
        var context = run.context
        context.environment[DatabaseOpener.busyTimeoutVariable] = value
        return context
    }

    @Test(arguments: ["1", "0.1", "3600"])
    func aNumberOfSecondsInRangeOpensForWriting(_ value: String) throws {
        let run = try AppRun()
        let db = try DatabaseOpener.open(run.db, access: .write, context: context(run, value))
        #expect(db.path == run.db)
        #expect(FileManager.default.fileExists(atPath: run.db))
    }

    @Test(arguments: ["0", "0.05", "3601", "-1", "1s", "", "nan"])
    func anythingElseIsInvalidInputNamingTheVariable(_ value: String) throws {
        let run = try AppRun()
        let failure = #expect(throws: AppFailure.self) {
            try DatabaseOpener.open(run.db, access: .write, context: context(run, value))
        }
        #expect(failure?.status == .invalidInput)
        #expect(
            failure?.lines == [
                "error: TACOPLAN_BUSY_TIMEOUT=\(value): expected a number of seconds from 0.1 to 3600",
                "    fix: unset TACOPLAN_BUSY_TIMEOUT to wait the default 30 s",
            ])
        // Refused before the database is created.
        #expect(!FileManager.default.fileExists(atPath: run.db))
    }
}
