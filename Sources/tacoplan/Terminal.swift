import Foundation
import TacoApp

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

    /// The system clock and the process environment.
    static let context = AppContext.live()
}
