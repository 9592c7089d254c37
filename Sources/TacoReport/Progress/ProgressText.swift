import Foundation
import TacoCore

/// The one-line progress of a long import on a terminal's stderr, rewritten in place: each line starts with
/// `clear` (back to the line's start, erase it). `elapsed` is the seconds since the command started, read by the
/// caller from the run's one clock; rates divide by it (at least 1 ms, so the first line has a finite rate).
public enum ProgressText {
    /// Carriage return and "erase to end of line" (ECMA-48 EL): what a finished progress line leaves behind.
    public static let clear = "\r\u{1B}[K"

    /// Bytes in a mebibyte: the MB of every progress line.
    static let mebibyte = 1_048_576.0

    /// `pricing import`: "index.csv: 120 of 380 MB, 1200 of 1500 rows kept, 40 MB/s".
    public static func priceListImport(
        file: String, bytesRead: Int, totalBytes: Int?, rowsKept: Int, rowsSeen: Int, elapsed: Double
    ) -> String {
        let megabytes = Double(bytesRead) / mebibyte
        let total = totalBytes.map { String(format: " of %.0f", Double($0) / mebibyte) } ?? ""
        return String(
            format: "\(clear)%@: %.0f%@ MB, %d of %d rows kept, %.0f MB/s", file, megabytes, total, rowsKept,
            rowsSeen, megabytes / seconds(elapsed))
    }

    /// `pricing fetch`: "AmazonEC2 us-west-2 index.csv: 120.0 of 380.0 MB, 2.1 MB/s, ETA 2:03" while downloading
    /// (without a known size "…: 12.0 MB, 2.1 MB/s"), "…: importing, 1200000 rows read" once rows are read.
    public static func priceListFetch(file: String, bytes: Int, totalBytes: Int?, rows: Int?, elapsed: Double)
        -> String
    {
        let seconds = seconds(elapsed)
        let megabytes = Double(bytes) / mebibyte
        var line = "\(clear)\(file): "
        if let rows {
            line += "importing, \(rows) rows read"
        } else {
            line += String(format: "%.1f", megabytes)
            if let total = totalBytes, total > 0 {
                let rate = Double(bytes) / seconds
                let eta = rate > 0 ? Int(Double(total - bytes) / rate) : 0
                line += String(
                    format: " of %.1f MB, %.1f MB/s, ETA %d:%02d", Double(total) / mebibyte, rate / mebibyte,
                    eta / 60, eta % 60)
            } else {
                line += String(format: " MB, %.1f MB/s", megabytes / seconds)
            }
        }
        return line
    }

    /// `bill import`: "focus.csv: 120 of 380 MB, 50000 rows, 40 MB/s" ("(decompressed)" instead of the size for a
    /// gzip file, whose decompressed size is unknown until the end).
    public static func billImport(
        file: String, bytesRead: Int64, fileBytes: Int64, gzip: Bool, rows: Int, elapsed: Double
    ) -> String {
        let megabytes = Double(bytesRead) / mebibyte
        let total = gzip ? " (decompressed)" : String(format: " of %.0f", Double(fileBytes) / mebibyte)
        return String(
            format: "\(clear)%@: %.0f%@ MB, %d rows, %.0f MB/s", Excerpt.quoted(file, limit: 80), megabytes, total,
            rows, megabytes / seconds(elapsed))
    }

    private static func seconds(_ elapsed: Double) -> Double { max(elapsed, 0.001) }
}
