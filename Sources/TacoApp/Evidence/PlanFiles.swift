import Foundation
import TacoCore

/// Reads plan files for the core's `PlanVariants`: an `extends:` target is resolved relative to the file that
/// names it, and paths are normalized (`a/../b.yaml` → `b.yaml`) so the core recognizes a cycle. Each file is read
/// once; the root file's text is kept for the plan-run record.
public enum PlanFiles {
    public static func normalize(_ path: String) -> String {
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

    /// The real path of `path` (symbolic links and `..` resolved), or the normalized path when it does not exist.
    static func realPath(_ path: String) -> String {
        guard let resolved = Glibc.realpath(path, nil) else { return normalize(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An `extends:` target outside the root plan's directory tree (an absolute path elsewhere, `../../x.yaml`, or a
    /// symbolic link out of it): refused before anything is read, naming only the path as written, so an untrusted
    /// plan run in CI cannot make tacoplan read and echo another file (`/etc/shadow`).
    static func confinement(_ written: String, resolved: String, root: String, from: String) -> PlanErrors? {
        let real = realPath(resolved)
        let inside = real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
        guard !inside else { return nil }
        return PlanErrors([
            PlanProblem(
                file: from, location: nil, path: "extends",
                message:
                    "'\(Excerpt.quoted(written))' is outside the plan's directory (\(Excerpt.quoted(root, limit: 200))): "
                    + "extends may only name a plan file in that directory or below it; the file was not read",
                fix: "copy the base plan next to this plan (or into a folder below it) and extend that copy")
        ])
    }

    /// The plan at `path` with its `extends` chain merged and its variants decoded, and the root file's text.
    public static func family(_ path: String) throws(AppFailure) -> (family: PlanFamily, text: String) {
        let file = normalize(path)
        let text = try TextFiles.read(path, as: .plan)
        let root = realPath(
            (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        let result = PlanVariants.resolve(PlanSource(file: file, text: text)) { t, from in
            let p = target(t, from: from)
            if let refusal = confinement(t, resolved: p, root: root, from: from) { return .failure(refusal) }
            do throws(InputFileProblem) {
                return .success(PlanSource(file: p, text: try TextFiles.text(p, as: .plan)))
            } catch {
                let fix =
                    error == .noSuchFile
                    ? "extends takes a path relative to the plan that names it" : error.fix(p, kind: .plan)
                return .failure(
                    PlanErrors([
                        PlanProblem(
                            file: from, location: nil, path: "extends",
                            message: "cannot read '\(t)' (looked for \(p)): \(error.reason)", fix: fix)
                    ]))
            }
        }
        switch result {
        case .failure(let errors):
            throw AppFailure.input(
                errors.problems.map(\.description) + ["\(errors.problems.count) problem(s) in \(path)"])
        case .success(let family): return (family, text)
        }
    }

    /// The variant named `name`; nil for the plan itself. An unknown name is an input error with "did you mean".
    public static func variant(_ name: String?, of family: PlanFamily) throws(AppFailure) -> PlanVariant? {
        guard let name else { return nil }
        if let v = family.variants.first(where: { $0.name == name }) { return v }
        let names = family.variants.map(\.name)
        guard !names.isEmpty else {
            throw AppFailure.input(
                Diagnostic(
                    "--variant '\(name)': \(family.file) has no variants",
                    fix: "drop --variant, or add a `variants:` section (Docs/PlanSpec.md)"))
        }
        let hint = Suggestion.closest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
        throw AppFailure.input(
            Diagnostic(
                "--variant '\(name)' is not a variant of \(family.file)",
                fix: "\(hint)variants: \(names.joined(separator: ", "))"))
    }
}
