import Foundation
import TestSupport
import Testing

/// TacoCore knows no command line: no string literal in Sources/TacoCore spells a tacoplan command ("tacoplan
/// validate") or a flag ("--as-of"), so a hint names a `NextStep` and `TacoApp.CommandSpelling` writes it; and no
/// TacoCore code names an exit code, which only TacoApp's `ExitStatus` decides.
@Suite struct CoreBoundaryTests {
    /// Flags of other programs that TacoCore quotes when it reads their files or cites their defaults; none is a
    /// tacoplan option.
    static let otherProgramsFlags: [String: String] = [
        "--summary-export": "k6's summary file option (`K6Summary` reads the file it writes)",
        "--metric-resolution":
            "metrics-server's scrape interval option (the source of `scaling.metrics_interval`'s default)",
    ]

    static let core = CLI.root.appendingPathComponent("Sources/TacoCore")

    /// Every Swift file under Sources/TacoCore, relative path and text.
    static func coreFiles() throws -> [(path: String, text: String)] {
        let files =
            FileManager.default.enumerator(at: core, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return try files.map { url in
            (String(url.path.dropFirst(core.path.count + 1)), try String(contentsOf: url, encoding: .utf8))
        }.sorted { $0.path < $1.path }
    }

    /// The command names the CLI declares (`commandName: "estimate"` in Sources/tacoplan), the root's excepted.
    static func commandNames() throws -> Set<String> {
        let cli = CLI.root.appendingPathComponent("Sources/tacoplan")
        var names = Set<String>()
        for url in try FileManager.default.contentsOfDirectory(at: cli, includingPropertiesForKeys: nil)
        where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for m in matches(#"commandName: "([a-z-]+)""#, in: text) { names.insert(m[1]) }
        }
        names.remove("tacoplan")
        return names
    }

    /// What in a string literal spells the command line: "tacoplan NAME" for a declared command, or a `--flag`
    /// that is not another program's.
    static func commandLineSpellings(in literal: String, commands: Set<String>) -> [String] {
        var found: [String] = []
        for m in matches(#"tacoplan ([a-z-]+)"#, in: literal) where commands.contains(m[1]) { found.append(m[0]) }
        for m in matches(#"(?<![\w-])--[a-z][a-z0-9]*(?:-[a-z0-9]+)*"#, in: literal)
        where otherProgramsFlags[m[0]] == nil {
            found.append(m[0])
        }
        return found
    }

    /// Each match of `pattern` in `text`: the whole match, then its groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { m in
            (0..<m.numberOfRanges).map { Range(m.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    @Test func theLexerFindsLiteralsAndSkipsComments() {
        let source = SwiftSource(
            #"""
            /// `tacoplan validate` in a doc comment
            let a = "use --as-of \(day) or import: tacoplan pricing import FILE" // --costs in a comment
            /* tacoplan estimate */ let b = """
                multi-line \(f("--evidence")) text
                """
            let c = #"raw "--step" \(x)"#
            """#)
        #expect(source.literals.count == 4)
        let commands: Set = ["pricing", "validate", "estimate"]
        let spelled = source.literals.flatMap { Self.commandLineSpellings(in: $0, commands: commands) }
        #expect(spelled == ["tacoplan pricing", "--as-of", "--evidence", "--step"])
        #expect(!source.code.contains("tacoplan"))
        #expect(Self.commandLineSpellings(in: "k6 --summary-export", commands: commands).isEmpty)
    }

    @Test func noCoreStringSpellsACommandOrAFlag() throws {
        let commands = try Self.commandNames()
        // The CLI's commands were found, so the scan below can fail.
        #expect(commands.isSuperset(of: ["estimate", "validate", "pricing", "bench", "reconcile", "observe"]))
        let files = try Self.coreFiles()
        #expect(files.count > 100)
        var offenders: [String] = []
        var literals = 0
        for file in files {
            let source = SwiftSource(file.text)
            literals += source.literals.count
            for literal in source.literals {
                for spelled in Self.commandLineSpellings(in: literal, commands: commands) {
                    offenders.append("\(file.path): \(spelled) in \"\(literal.prefix(120))\"")
                }
            }
        }
        #expect(literals > 1_000)
        #expect(offenders == [], "TacoCore names a NextStep; TacoApp.CommandSpelling spells it")
    }

    @Test func noCoreCodeNamesAnExitCode() throws {
        var offenders: [String] = []
        for file in try Self.coreFiles() {
            let source = SwiftSource(file.text)
            // An identifier starting with exit/Exit or with a camel-case Exit inside (ExitStatus, exitCode,
            // processExit, EXIT_FAILURE); "complexity" has no word boundary before its "exit".
            for m in Self.matches(#"(?<![A-Za-z])[Ee]xit|[a-z0-9]Exit|EXIT_"#, in: source.code) {
                offenders.append("\(file.path): code names \(m[0])")
            }
            for literal in source.literals {
                for m in Self.matches(#"(?i)\bexit(s|ed)? (code|status|with|[0-9])"#, in: literal) {
                    offenders.append("\(file.path): \"\(m[0])\" in a string")
                }
            }
        }
        #expect(offenders == [])
    }
}

/// A Swift file split into its string literals (interpolations cut out, escapes resolved) and its code outside
/// comments and literals: enough of Swift's lexical grammar for a scan (comments, nested block comments,
/// single-line, multi-line and raw strings, nested interpolation).
struct SwiftSource {
    private let s: [Unicode.Scalar]
    private var i = 0
    private(set) var code = ""
    private(set) var literals: [String] = []

    init(_ text: String) {
        s = Array(text.unicodeScalars)
        scanCode(nested: false)
    }

    private func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }

    private func starts(_ prefix: String, _ k: Int) -> Bool {
        var j = k
        for u in prefix.unicodeScalars {
            guard at(j) == u else { return false }
            j += 1
        }
        return true
    }

    /// Code to the end of the file or, `nested`, to the `)` that closes an interpolation.
    private mutating func scanCode(nested: Bool) {
        var depth = 0
        while i < s.count {
            if starts("//", i) {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if starts("/*", i) {
                var open = 0
                repeat {
                    if starts("/*", i) {
                        open += 1
                        i += 2
                    } else if starts("*/", i) {
                        open -= 1
                        i += 2
                    } else {
                        i += 1
                    }
                } while open > 0 && i < s.count
                continue
            }
            if s[i] == "#" || s[i] == "\"" {
                var j = i
                while at(j) == "#" { j += 1 }
                if at(j) == "\"" {
                    let hashes = j - i
                    i = j
                    scanString(hashes: hashes)
                    continue
                }
            }
            if s[i] == "(" { depth += 1 }
            if s[i] == ")" {
                if nested && depth == 0 {
                    i += 1
                    return
                }
                depth -= 1
            }
            code.unicodeScalars.append(s[i])
            i += 1
        }
    }

    /// A literal from its opening quote (after its `#`s, `hashes` of them) to its closing one.
    private mutating func scanString(hashes: Int) {
        let multiline = starts("\"\"\"", i)
        i += multiline ? 3 : 1
        let close = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        var text = ""
        while i < s.count {
            if starts(close, i) {
                i += close.unicodeScalars.count
                break
            }
            if starts(escape, i) {
                let k = i + escape.unicodeScalars.count
                if at(k) == "(" {
                    i = k + 1
                    text += " "
                    scanCode(nested: true)
                    continue
                }
                switch at(k) {
                case "n"?: text += "\n"
                case "t"?: text += "\t"
                case let u?: text.unicodeScalars.append(u)
                case nil: break
                }
                i = k + 1
                continue
            }
            if !multiline && s[i] == "\n" { break }
            text.unicodeScalars.append(s[i])
            i += 1
        }
        literals.append(text)
        code += "\"\""
    }
}
