/// Seconds per hour and per day: units, named so formulas read as what they mean (Docs/Model.md §6 "Costs":
/// event hours = seconds ÷ 3,600; the drain is counted for at most one day).
public enum TimeUnits {
    public static let secondsPerHour: Double = 3600
    public static let secondsPerDay: Double = 86_400
}
