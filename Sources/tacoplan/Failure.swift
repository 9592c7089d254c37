import ArgumentParser
import Foundation
import TacoCore

/// A failure the CLI reports as sentences on stderr with a documented exit code — never a stack trace.
struct Failure: Error {
    /// 2 invalid input, 3 pricing data missing, 4 database error, 5 infeasible (the verdict).
    var code: Int32
    var lines: [String]

    static func input(_ lines: [String]) -> Failure { Failure(code: 2, lines: lines) }
    static func pricing(_ lines: [String]) -> Failure { Failure(code: 3, lines: lines) }
    static func database(_ lines: [String]) -> Failure { Failure(code: 4, lines: lines) }

    /// The estimate's exit code, the same in every command (README "Exit codes"), after the output is printed: 3 when
    /// most cost lines are UNPRICED (the estimate cannot be priced, so no verdict stands), 5 INFEASIBLE, else 0.
    static func check(_ e: Estimate) throws {
        if e.mostlyUnpriced {
            throw Failure.pricing([
                "pricing: \(e.totals.unpricedLines) of \(e.costs.count) cost lines are UNPRICED in \(e.region) on \(e.asOf)",
                "    fix: import an AWS price list for \(e.region) (`tacoplan pricing import FILE`) or use a priced region",
            ])
        }
        if e.verdict.status == .infeasible {
            throw Failure(code: e.exitCode, lines: ["verdict: \(e.verdict.headline)"])
        }
    }

    /// Prints and converts to the exit code ArgumentParser understands.
    func exit() -> ExitCode {
        Terminal.error(lines.joined(separator: "\n"))
        return ExitCode(code)
    }
}

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
}

/// Runs a command body, turning `Failure` into its message and exit code.
func reporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let f as Failure {
        throw f.exit()
    }
}
