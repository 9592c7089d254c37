import Foundation
import TacoData
import Testing

@Suite struct EmbeddedDataTests {
    /// The repository root, found from this file's location (Tests/TacoStoreTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func embeddedCopyMatchesTheFilesOnDisk() throws {
        let fm = FileManager.default
        var onDisk: [String] = []
        for directory in ["pricing", "benchmarks"] {
            let url = Self.root.appendingPathComponent(directory)
            guard let walker = fm.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { continue }
            for case let file as URL in walker {
                let isFile = (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                let relative = String(file.path.dropFirst(Self.root.path.count + 1))
                guard isFile, !file.lastPathComponent.hasPrefix(".") else { continue }
                if directory == "pricing" && file.pathExtension != "csv" { continue }
                onDisk.append(relative)
            }
        }
        #expect(onDisk.sorted() == BundledData.files.keys.sorted(), "run scripts/embed-data")
        for path in onDisk {
            let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            #expect(BundledData.files[path] == text, "\(path) differs from its embedded copy: run scripts/embed-data")
        }
    }
}
