import Foundation
import TacoCore

/// The one clock of a run: "today" (UTC) and the current time, read once by the CLI and handed to every use case,
/// so a test can fix the day and no module below reads the system clock on its own.
public struct Clock: Sendable {
    /// Today's UTC calendar day, the default of every `--as-of`.
    public var today: Day
    /// The current time as ISO-8601 UTC text (import and ingest timestamps).
    public var now: @Sendable () -> String

    public init(today: Day, now: @escaping @Sendable () -> String) {
        self.today = today
        self.now = now
    }

    /// The system clock in UTC.
    public static func system() -> Clock {
        let c = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "UTC") ?? .current, from: Date())
        let today = Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? .epoch
        return Clock(today: today, now: { ISO8601DateFormatter().string(from: Date()) })
    }

    /// A clock fixed on `day` (tests), whose timestamps are that day at midnight UTC.
    public static func fixed(_ day: Day) -> Clock {
        Clock(today: day, now: { "\(day)T00:00:00Z" })
    }
}
