import Foundation

/// What a run takes from its surroundings: the clock and the environment variables (`TACOPLAN_DB`,
/// `XDG_DATA_HOME`, `HOME`, `PATH`). The CLI builds it once with `live()`; tests build their own.
public struct AppContext: Sendable {
    public var clock: Clock
    public var environment: [String: String]

    public init(clock: Clock, environment: [String: String]) {
        self.clock = clock
        self.environment = environment
    }

    public static func live() -> AppContext {
        AppContext(clock: .system(), environment: ProcessInfo.processInfo.environment)
    }
}
