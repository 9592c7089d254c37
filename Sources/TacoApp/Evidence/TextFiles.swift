import Foundation

/// Reads an input file the user named (plan, costs, benchmark, load test) as UTF-8, with a bounded size.
public enum TextFiles {
    /// Largest input file read whole: 64 MiB, far above any plan or benchmark (the bundled ones are < 100 KiB) and
    /// small enough to hold in memory; price lists are streamed by `pricing import` instead.
    public static let maximumBytes = 64 * 1_048_576

    public static func read(_ path: String) throws(AppFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AppFailure.input([
                "\(path): error: no such file",
                "    fix: check the path; bundled plans are in plans/ (e.g. plans/traffic-tacos.yaml)",
            ])
        }
        if isDirectory.boolValue {
            throw AppFailure.input(["\(path): error: is a directory, not a file", "    fix: name a file"])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maximumBytes else {
            throw AppFailure.input([
                "\(path): error: the file is \(size) bytes; at most \(maximumBytes) are read",
                "    fix: pass a smaller file",
            ])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AppFailure.input(["\(path): error: cannot read the file (permissions?)"])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AppFailure.input(["\(path): error: the file is not UTF-8 text", "    fix: save the plan as UTF-8"])
        }
        return text
    }
}
