import Foundation
import TacoCore
import TacoStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// What `pricing fetch` should fetch and how patiently.
public struct FetchOptions: Sendable {
    /// Base URL of the Price List (default `PriceListLayout.defaultEndpoint`; a mirror or a test server).
    public var endpoint: URL
    public var regions: [String]
    public var services: [Service]
    /// The Spot Advisor JSON to fetch too; nil to skip it.
    public var spotAdvisorURL: URL?
    /// Where downloads are written (and partial downloads kept for resuming).
    public var downloadDirectory: String
    /// The longest wait for the next byte before a request counts as failed.
    public var idleTimeout: TimeInterval = FetchOptions.defaultIdleTimeout
    /// Attempts per request (the first included) when the connection fails or the server answers 5xx.
    public var attempts = FetchOptions.defaultAttempts
    /// Wait before the second attempt; doubled before each later one.
    public var backoff: TimeInterval = FetchOptions.defaultBackoff
    /// Import the valid rows of a file with rejected rows (see `ImportOptions.acceptPartial`).
    public var acceptPartial = false
    /// The caller's clock (ISO-8601 text) and calendar day (YYYY-MM-DD).
    public var now: @Sendable () -> String
    public var today: String
    /// Called as bytes arrive and rows are imported; the CLI draws it on stderr when that is a terminal.
    public var progress: (@Sendable (FetchProgress) -> Void)?

    /// 30 s without a byte: AWS answers in well under a second; a stalled connection should fail, not hang.
    public static let defaultIdleTimeout: TimeInterval = 30
    /// 3 attempts with 1 s, then 2 s between them: rides out a dropped connection without hammering the server.
    public static let defaultAttempts = 3
    public static let defaultBackoff: TimeInterval = 1

    public init(
        endpoint: URL, regions: [String], services: [Service], spotAdvisorURL: URL?, downloadDirectory: String,
        now: @escaping @Sendable () -> String, today: String
    ) {
        self.endpoint = endpoint
        self.regions = regions
        self.services = services
        self.spotAdvisorURL = spotAdvisorURL
        self.downloadDirectory = downloadDirectory
        self.now = now
        self.today = today
    }
}

/// Progress of one file: bytes downloaded (of the total when known), then rows imported.
public struct FetchProgress: Sendable {
    public var file: String
    public var bytes: Int
    public var totalBytes: Int?
    /// Rows read by the importer; nil while downloading.
    public var rows: Int?
}

/// Fetches the current regional price lists for the requested services and regions and imports each one in its own
/// transaction (a dozen regions do not depend on each other). Index documents are fetched conditionally and reused
/// from the database on 304; regional files conditionally too, so a repeat fetch of unchanged files transfers no body.
public struct PriceListFetcher {
    let db: TacoDatabase
    let options: FetchOptions

    public init(db: TacoDatabase, options: FetchOptions) {
        self.db = db
        self.options = options
    }

    /// Every requested file's outcome. Throws only when the offer index itself cannot be read.
    public func run() throws -> [FetchOutcome] {
        try FileManager.default.createDirectory(
            atPath: options.downloadDirectory, withIntermediateDirectories: true)
        var outcomes: [FetchOutcome] = []
        if !options.services.isEmpty {
            let indexURL = try url(PriceListLayout.offerIndexPath)
            let index = try decode(OfferIndex.self, from: try document(indexURL), url: indexURL)
            for service in options.services {
                outcomes += regional(service, index: index)
            }
        }
        if let spot = options.spotAdvisorURL {
            outcomes.append(file(spot, label: "Spot Advisor", name: "spot-advisor-data.json", folder: "spot"))
        }
        return outcomes
    }

    private func regional(_ service: Service, index: OfferIndex) -> [FetchOutcome] {
        let code = PriceListLayout.offerCode(service)
        func failed(_ region: String, _ url: String, _ error: Error) -> FetchOutcome {
            FetchOutcome(label: "\(code) \(region)", url: url, result: .failed("\(error)"), bytesTransferred: 0)
        }
        let regions: RegionIndex
        let regionIndexURL: URL
        do {
            guard let path = index.offers[code]?.currentRegionIndexUrl else { throw FetchError.noOffer(offer: code) }
            regionIndexURL = try url(path)
            regions = try decode(RegionIndex.self, from: try document(regionIndexURL), url: regionIndexURL)
        } catch {
            return options.regions.map { failed($0, code, error) }
        }
        return options.regions.map { region in
            guard let entry = regions.regions[region] else {
                return failed(
                    region, regionIndexURL.absoluteString,
                    FetchError.noRegion(offer: code, region: region, known: regions.regions.keys.sorted()))
            }
            do {
                let csv = PriceListLayout.usesCSV(service)
                let target = try PriceListLayout.regionalURL(
                    endpoint: options.endpoint, currentVersionURL: entry.currentVersionUrl, csv: csv)
                return file(
                    target, label: "\(code) \(region)", name: csv ? "index.csv" : "index.json",
                    folder: "\(code)/\(region)")
            } catch {
                return failed(region, entry.currentVersionUrl, error)
            }
        }
    }

    /// Downloads one price file (resuming a partial download, or conditionally when it was imported before), then
    /// imports it and remembers its validators in one transaction.
    private func file(_ url: URL, label: String, name: String, folder: String) -> FetchOutcome {
        let directory = options.downloadDirectory + "/" + folder
        let path = directory + "/" + name
        let part = path + ".part"
        var transferred = 0
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            // Two fetches into one database share the download folder: the second waits here for the first to
            // finish this file (then asks conditionally and gets a 304) instead of writing into the same `.part`.
            let lock = try DownloadLock(path + ".lock")
            defer { lock.release() }
            FreedMemory.release()
            let known = try db.fetchState(url: url.absoluteString)
            let outcome = try withRetries(url) {
                var request = Self.request(url, timeout: options.idleTimeout)
                let have = Self.size(part)
                if have > 0, let validator = Self.validator(part) {
                    request.setValue("bytes=\(have)-", forHTTPHeaderField: "Range")
                    request.setValue(validator, forHTTPHeaderField: "If-Range")
                } else if let known {
                    Self.conditional(&request, known)
                }
                let result = try HTTPDownload.run(
                    request, to: part, idleTimeout: options.idleTimeout,
                    progress: progressReporter(name: "\(label) \(name)"))
                transferred += result.received
                guard result.status == 416 else { return result }
                // The kept part is not a prefix the server can extend (already whole, or the file shrank): restart.
                Self.discard(part)
                var fresh = Self.request(url, timeout: options.idleTimeout)
                if let known { Self.conditional(&fresh, known) }
                let restarted = try HTTPDownload.run(
                    fresh, to: part, idleTimeout: options.idleTimeout,
                    progress: progressReporter(name: "\(label) \(name)"))
                transferred += restarted.received
                return restarted
            }
            switch outcome.status {
            case 304:
                return FetchOutcome(
                    label: label, url: url.absoluteString, result: .unchanged, bytesTransferred: transferred)
            case 200, 206:
                break
            default:
                Self.discard(part)
                throw FetchError.http(url: url.absoluteString, status: outcome.status)
            }
            let size = Self.size(part)
            if let total = outcome.totalSize, total != size {
                Self.discard(part)
                throw FetchError.truncated(url: url.absoluteString, received: size, expected: total)
            }
            if let why = Self.shapeProblem(
                contentType: outcome.contentType, head: Self.head(part), csv: name.hasSuffix(".csv"))
            {
                Self.discard(part)
                throw FetchError.notAPriceList(url: url.absoluteString, why: why)
            }
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: part, toPath: path)
            try? FileManager.default.removeItem(atPath: part + HTTPDownload.validatorSuffix)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let state = FetchState(
                url: url.absoluteString, etag: outcome.etag, lastModified: outcome.lastModified, contentSize: size,
                fetchedAt: options.now())
            FreedMemory.release()
            let report = try db.importFetched(path: path, state: state, options: importOptions(name, outcome))
            return FetchOutcome(
                label: label, url: url.absoluteString, result: .imported(report), bytesTransferred: transferred)
        } catch {
            return FetchOutcome(
                label: label, url: url.absoluteString, result: .failed("\(error)"), bytesTransferred: transferred)
        }
    }

    private func importOptions(_ name: String, _ outcome: HTTPDownload.Outcome) -> ImportOptions {
        // The Spot Advisor file carries no date: its Last-Modified day is when AWS wrote it.
        let captured = Self.day(httpDate: outcome.lastModified) ?? options.today
        var importOptions = ImportOptions(capturedOn: captured, now: options.now, acceptPartial: options.acceptPartial)
        if let report = options.progress {
            importOptions.progress = { progress in
                report(
                    FetchProgress(
                        file: name, bytes: progress.bytesRead, totalBytes: progress.totalBytes,
                        rows: progress.rowsSeen))
            }
        }
        return importOptions
    }

    private func progressReporter(name: String) -> (@Sendable (Int, Int?) -> Void)? {
        guard let report = options.progress else { return nil }
        return { bytes, total in report(FetchProgress(file: name, bytes: bytes, totalBytes: total, rows: nil)) }
    }

    /// An index document: conditional on what the database remembers, its stored body reused on 304.
    private func document(_ url: URL) throws -> Data {
        let known = try db.fetchState(url: url.absoluteString)
        let temporary = options.downloadDirectory + "/index-\(UUID().uuidString).json"
        defer {
            try? FileManager.default.removeItem(atPath: temporary)
            try? FileManager.default.removeItem(atPath: temporary + HTTPDownload.validatorSuffix)
        }
        let outcome = try withRetries(url) {
            var request = Self.request(url, timeout: options.idleTimeout)
            if let known, known.body != nil { Self.conditional(&request, known) }
            return try HTTPDownload.run(request, to: temporary, idleTimeout: options.idleTimeout)
        }
        switch outcome.status {
        case 304:
            guard let body = known?.body else { throw FetchError.http(url: url.absoluteString, status: 304) }
            return body
        case 200:
            let body = try Data(contentsOf: URL(fileURLWithPath: temporary))
            if let total = outcome.totalSize, total != body.count {
                throw FetchError.truncated(url: url.absoluteString, received: body.count, expected: total)
            }
            if let why = Self.shapeProblem(contentType: outcome.contentType, head: body.prefix(512), csv: false) {
                throw FetchError.notAPriceList(url: url.absoluteString, why: why)
            }
            try db.saveFetchState(
                FetchState(
                    url: url.absoluteString, etag: outcome.etag, lastModified: outcome.lastModified,
                    contentSize: body.count, body: body, fetchedAt: options.now()))
            return body
        default:
            throw FetchError.http(url: url.absoluteString, status: outcome.status)
        }
    }

    /// Runs `attempt` up to `options.attempts` times while the connection fails or the server answers 5xx, waiting
    /// `backoff`, then twice as long, between attempts.
    private func withRetries(
        _ url: URL, _ attempt: () throws -> HTTPDownload.Outcome
    ) throws -> HTTPDownload.Outcome {
        var wait = options.backoff
        var tries = 0
        while true {
            tries += 1
            do {
                let outcome = try attempt()
                if (500...599).contains(outcome.status) && tries < options.attempts {
                    Thread.sleep(forTimeInterval: wait)
                    wait *= 2
                    continue
                }
                return outcome
            } catch {
                guard tries < options.attempts else {
                    throw FetchError.transport(
                        url: url.absoluteString, why: Self.explain(error), attempts: tries)
                }
                Thread.sleep(forTimeInterval: wait)
                wait *= 2
            }
        }
    }

    private func url(_ path: String) throws -> URL {
        guard let url = URL(string: path, relativeTo: options.endpoint)?.absoluteURL else {
            throw FetchError.badIndex(url: path, why: "not a URL")
        }
        return url
    }

    private func decode<T: Decodable>(_ type: T.Type, from data: Data, url: URL) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw FetchError.badIndex(url: url.absoluteString, why: "cannot be read (\(error))")
        }
    }

    static func request(_ url: URL, timeout: TimeInterval) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("tacoplan", forHTTPHeaderField: "User-Agent")
        return request
    }

    static func conditional(_ request: inout URLRequest, _ state: FetchState) {
        if !state.etag.isEmpty { request.setValue(state.etag, forHTTPHeaderField: "If-None-Match") }
        if !state.lastModified.isEmpty { request.setValue(state.lastModified, forHTTPHeaderField: "If-Modified-Since") }
    }

    /// Why a 200 body is not the document asked for, from its `Content-Type` and first bytes: an HTML page (a
    /// proxy's error page), or a body that does not start the way an AWS Price List CSV (`"FormatVersion"`) or
    /// JSON document (`{`) does. nil when it looks right.
    static func shapeProblem(contentType: String, head: Data, csv: Bool) -> String? {
        if contentType.contains("html") { return "an HTML page (Content-Type: \(Excerpt.quoted(contentType)))" }
        let text = String(decoding: head, as: UTF8.self).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if text.hasPrefix("<") { return "an HTML or XML page" }
        if csv {
            guard text.hasPrefix("\"FormatVersion\"") || text.hasPrefix("FormatVersion,") else {
                return "a body that does not start like an AWS Price List CSV (\"FormatVersion\")"
            }
        } else if !text.hasPrefix("{") {
            return "a body that is not a JSON object"
        }
        return nil
    }

    /// The first 512 bytes of a file.
    static func head(_ path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 512)) ?? Data()
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    static func validator(_ part: String) -> String? {
        guard let data = FileManager.default.contents(atPath: part + HTTPDownload.validatorSuffix) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        return text.isEmpty ? nil : text
    }

    static func discard(_ part: String) {
        try? FileManager.default.removeItem(atPath: part)
        try? FileManager.default.removeItem(atPath: part + HTTPDownload.validatorSuffix)
    }

    /// `Wed, 21 Oct 2015 07:28:00 GMT` → `2015-10-21`.
    static func day(httpDate: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: httpDate) else { return nil }
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    static func explain(_ error: Error) -> String {
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return "no data for the whole timeout: the server is too slow or stalled (raise --timeout)"
            case .networkConnectionLost: return "the connection broke off before the end of the file"
            case .cannotConnectToHost: return "cannot connect to the server (check --endpoint and the proxy variables)"
            case .cannotFindHost: return "unknown host (check --endpoint, DNS and the proxy variables)"
            default:
                // libcurl reports a body shorter than its Content-Length as "transfer closed with N bytes remaining".
                let text = urlError.localizedDescription
                if text.contains("transfer closed") || text.contains("partial file") {
                    return "the connection broke off before the end of the file (\(text))"
                }
                return "network error: \(text)"
            }
        }
        return "\(error)"
    }
}

/// An exclusive `flock` on a file beside a download, held while one process downloads and imports it; a second
/// process waits for it.
final class DownloadLock {
    private let descriptor: Int32

    init(_ path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FetchError.local("\(path): cannot create the download lock (\(String(cString: strerror(errno))))")
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// Hands memory the process has freed back to the system before each download and each import: glibc keeps freed
/// heap pages (index documents, the previous file's import, URLSession's buffers), and they would count in the peak
/// RSS of what follows (the peak of a fetch varied more without it; figures in Docs/Performance.md, "Fetch memory").
enum FreedMemory {
    /// glibc's `malloc_trim`, found at run time (Swift's Glibc module does not import `malloc.h`); nil elsewhere.
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
            return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
            return nil
        #endif
    }()

    static func release() {
        _ = trim?(0)
    }
}
