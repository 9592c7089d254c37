import Foundation
import TacoCore

/// Reads plan files for the core's `PlanVariants`: an `extends:` target is resolved relative to the file that
/// names it, and paths are normalized (`a/../b.yaml` → `b.yaml`) so the core recognizes a cycle.
enum PlanFiles {
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if p == "..", absolute { continue }
            parts.append(String(p))
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    static func target(_ target: String, from file: String) -> String {
        if target.hasPrefix("/") { return normalize(target) }
        let dir = (file as NSString).deletingLastPathComponent
        return normalize(dir.isEmpty ? target : dir + "/" + target)
    }

    static func read(_ path: String) -> Result<PlanSource, PlanErrors> {
        do {
            return .success(PlanSource(file: path, text: try PlanLoader.readText(path)))
        } catch let f as Failure {
            return .failure(
                PlanErrors([PlanProblem(file: path, location: nil, path: "", message: f.lines.joined(separator: " "))]))
        } catch {
            return .failure(PlanErrors([PlanProblem(file: path, location: nil, path: "", message: "\(error)")]))
        }
    }

    /// The plan at `path` with its `extends` chain merged and its variants decoded.
    static func family(_ path: String) throws -> PlanFamily {
        let file = normalize(path)
        let source = try PlanSource(file: file, text: PlanLoader.readText(path))
        let result = PlanVariants.resolve(source) { t, from in
            let p = target(t, from: from)
            switch read(p) {
            case .success(let s): return .success(s)
            case .failure:
                return .failure(
                    PlanErrors([
                        PlanProblem(
                            file: from, location: nil, path: "extends", message: "cannot read '\(t)' (looked for \(p))",
                            fix: "extends takes a path relative to the plan that names it")
                    ]))
            }
        }
        switch result {
        case .failure(let errors):
            throw Failure.input(errors.problems.map(\.description) + ["\(errors.problems.count) problem(s) in \(path)"])
        case .success(let family): return family
        }
    }
}
