/// Where the database file lives: `--db PATH` beats `TACOPLAN_DB`, which beats
/// `$XDG_DATA_HOME/tacoplan/tacoplan.sqlite`, else `~/.local/share/tacoplan/tacoplan.sqlite`.
public enum DatabaseLocation {
    /// The environment variable that overrides the default location.
    public static let environmentVariable = "TACOPLAN_DB"

    /// The database path for a `--db` option value (nil when absent) and the process environment.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let path = option, !path.isEmpty { return path }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return data + "/tacoplan/tacoplan.sqlite"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/tacoplan/tacoplan.sqlite"
    }
}
