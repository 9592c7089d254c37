import Foundation
import TacoApp
import TacoReport

/// The standard streams, the colour decision and the run's context (clock and environment), read once.
enum Terminal {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Colour only on a terminal and when NO_COLOR is unset (https://no-color.org).
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// The width terminal tables fit (issue 19): `$COLUMNS` when set, else the terminal window's width; 120
    /// (`TextTable.defaultWidth`) when stdout is not a terminal or the width is unknown.
    static var columns: Int {
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c >= 40 { return c }
        guard isatty(STDOUT_FILENO) == 1 else { return TextTable.defaultWidth }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return Int(size.ws_col) }
        return TextTable.defaultWidth
    }

    /// The system clock and the process environment.
    static let context = AppContext.live()
}
