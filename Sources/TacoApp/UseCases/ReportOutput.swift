import Foundation
import TacoCore
import TacoReport

/// Writes a rendered report into a directory (`report -o DIR`): the main file and its charts/ folder.
public enum ReportOutput {
    /// The paths written.
    public static func write(_ files: ReportFiles.Rendered, to directory: String) throws(AppFailure) -> [String] {
        let fm = FileManager.default
        do {
            try fm.createDirectory(
                atPath: files.charts.isEmpty ? directory : directory + "/charts", withIntermediateDirectories: true)
            for f in [files.main] + files.charts {
                try Data(f.text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(f.path))
            }
        } catch {
            throw AppFailure.input(
                .file(
                    directory, "cannot write the report: \(FileErrorText.describe(error))",
                    fix: "choose a writable directory with -o"))
        }
        return ([files.main] + files.charts).map { (directory as NSString).appendingPathComponent($0.path) }
    }
}
