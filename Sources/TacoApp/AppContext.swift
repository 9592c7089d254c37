import Foundation
import TacoReport

/// What a run takes from its surroundings: the clock, the environment variables (`TACOPLAN_DB`,
/// `XDG_DATA_HOME`, `HOME`, `PATH`) and where notes go (a plan run not recorded because the database is read-only
/// or busy, a skipped refresh of the bundled prices). The CLI builds it once with `live()`; tests build their own.
public struct AppContext: Sendable {
    public var clock: Clock
    public var environment: [String: String]
    /// Says something that is not a failure, on stderr in the CLI.
    public var note: @Sendable (String) -> Void

    public init(clock: Clock, environment: [String: String], note: @escaping @Sendable (String) -> Void = { _ in }) {
        self.clock = clock
        self.environment = environment
        self.note = note
    }

    public static func live() -> AppContext {
        AppContext(
            clock: .system(), environment: ProcessInfo.processInfo.environment,
            note: { FileHandle.standardError.write(Data((SafeText.terminal($0) + "\n").utf8)) })
    }
}
