import Foundation
import TacoCore

/// The one clock of a run: "today" (UTC) and the current time, read once by the CLI and handed to every use case,
/// so a test can fix the day and no module below reads the system clock on its own.
public struct Clock: Sendable {
    /// Today's UTC calendar day, the default of every `--as-of`.
    public var today: Day
    /// The current time as ISO-8601 UTC text (import and ingest timestamps).
    public var now: @Sendable () -> String
    /// A monotonic reading in seconds from an arbitrary origin (the system's uptime): for elapsed times only, such
    /// as the rate of a progress line.
    public var monotonic: @Sendable () -> Double

    public init(
        today: Day, now: @escaping @Sendable () -> String,
        monotonic: @escaping @Sendable () -> Double = { 0 }
    ) {
        self.today = today
        self.now = now
        self.monotonic = monotonic
    }

    /// Seconds elapsed since this call, read on `monotonic` each time the returned function is called.
    public func stopwatch() -> @Sendable () -> Double {
        let start = monotonic()
        let reading = monotonic
        return { reading() - start }
    }

    /// The system clock in UTC.
    public static func system() -> Clock {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        let today = Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .epoch
        return Clock(
            today: today, now: { ISO8601DateFormatter().string(from: Date()) },
            monotonic: { ProcessInfo.processInfo.systemUptime })
    }

    /// A clock fixed on `day` (tests), whose timestamps are that day at midnight UTC and whose time never passes.
    public static func fixed(_ day: Day) -> Clock {
        Clock(today: day, now: { "\(day)T00:00:00Z" })
    }
}
