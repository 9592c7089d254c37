import Foundation
import TacoApp
import TacoReport

/// The standard streams, the colour decision and the run's context (clock and environment), read once.
/// Everything printed goes through `SafeText.terminal` (the one output sanitiser), so no control byte read from an
/// input reaches the terminal, whichever renderer produced the text; and every write to stdout is checked, so a full
/// disk or a closed pipe is an error naming the destination, never a silent success.
enum Terminal {
    static func error(_ text: String) {
        _ = write(STDERR_FILENO, SafeText.terminal(text, colour: errorIsTerminal) + "\n")
    }

    /// Writes `text` to stdout; a failed write prints why on stderr and exits 2 (the output destination cannot be
    /// used), because output that was not delivered is not a result.
    static func out(_ text: String) {
        if let failure = write(STDOUT_FILENO, SafeText.terminal(text, colour: colour)) {
            let code = failure == EPIPE ? "the reader closed the pipe" : String(cString: strerror(failure))
            let problem = Diagnostic(
                "cannot write the output to \(destination) (\(code)); the result was not delivered",
                fix: "write to a destination with free space and write permission")
            _ = write(STDERR_FILENO, problem.description + "\n")
            Foundation.exit(ExitStatus.invalidInput.rawValue)
        }
    }

    /// Writes every byte, retrying on EINTR and short writes; the `errno` of a failure, or nil.
    private static func write(_ fd: Int32, _ text: String) -> Int32? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return nil
    }

    /// What stdout is, for a write error: the file it was redirected to when that can be known.
    private static var destination: String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/1"),
            target.hasPrefix("/")
        {
            return "standard output (\(target))"
        }
        return "standard output"
    }

    /// Colour only on a terminal and when NO_COLOR is unset (https://no-color.org).
    static var colour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Writes a progress line (`ProgressText`) to stderr as it is: it carries the control sequences that rewrite
    /// the line in place, and is only written when stderr is a terminal.
    static func progress(_ line: String) {
        _ = write(STDERR_FILENO, line)
    }

    static var errorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// A use case's progress callback that draws `line(progress, seconds since this call)` on stderr, or nil when
    /// stderr is not a terminal (a log or a pipe gets no progress lines).
    static func progressLines<Progress>(
        _ line: @escaping @Sendable (Progress, Double) -> String
    ) -> (@Sendable (Progress) -> Void)? {
        guard errorIsTerminal else { return nil }
        let elapsed = context.clock.stopwatch()
        return { progress(line($0, elapsed())) }
    }

    /// The width terminal tables fit: `$COLUMNS` when set, else the terminal window's width; 120
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
