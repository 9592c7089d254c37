import Foundation
import TestSupport
import Testing

/// Every `swift run tacoplan …` line of the README runs (issue 22): each is run by bash (so its globs and braces
/// expand as a reader's shell would) with the built binary, a scratch database and any `-o` folder moved into the
/// scratch directory, and must end with a verdict's exit code — 0 or 5 (INFEASIBLE) — never invalid input (2),
/// missing pricing (3), a database error (4) or ArgumentParser's usage error (64).
@Suite struct ReadmeExampleTests {
    /// The README's example command lines, without `swift run` and without their trailing `# comment`.
    static let examples: [String] = {
        let readme = (try? String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var seen = Set<String>()
        return readme.split(separator: "\n").compactMap { line -> String? in
            guard let start = line.range(of: "swift run tacoplan ") else { return nil }
            let command = line[start.upperBound...].components(separatedBy: "  #")[0]
                .trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "`", with: "")
            return seen.insert(command).inserted ? command : nil
        }
    }()

    @Test func theReadmeHasExamples() {
        // The quick start and the "more examples" block: at least the quick start and one of each command family.
        #expect(Self.examples.count >= 5, "\(Self.examples)")
        #expect(Self.examples.first == "estimate plans/traffic-tacos.yaml")
    }

    @Test(arguments: examples)
    func exampleRuns(_ example: String) throws {
        let cli = try CLI()
        var words = example.split(separator: " ").map(String.init)
        // Files named outside the repository (../shared/…) exist only beside the project's working copy.
        let outside = words.filter { $0.hasPrefix("../") }
        if !outside.isEmpty {
            let folder = CLI.root.appendingPathComponent((outside[0] as NSString).deletingLastPathComponent).path
            guard FileManager.default.fileExists(atPath: folder) else { return }
        }
        if let o = words.firstIndex(of: "-o"), o + 1 < words.count {
            words[o + 1] = cli.scratch.appendingPathComponent("out").path
        }
        let script = ([CLI.binary.path] + words + ["--db", cli.db]).joined(separator: " ")
        let r = try cli.program("/bin/bash", ["-c", script])
        #expect([0, 5].contains(r.status), "`\(example)` exited \(r.status): \(r.stderr)")
        #expect(!r.stdout.isEmpty || !r.stderr.isEmpty)
    }
}
