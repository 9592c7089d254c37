import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One HTTP GET streamed to a file as the bytes arrive (memory stays at one network buffer whatever the size), with
/// conditional and range headers. URLSession on Linux runs on libcurl, which reads the standard proxy variables
/// (`http_proxy`, `HTTPS_PROXY`, `NO_PROXY`; curl ignores upper-case `HTTP_PROXY` for safety).
final class HTTPDownload: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// What the server answered.
    struct Outcome {
        var status: Int
        var etag = ""
        var lastModified = ""
        /// The `Content-Type` header, lower-cased (empty when absent).
        var contentType = ""
        /// The full size of the resource when known (`Content-Length` of a 200, the total of a 206's `Content-Range`).
        var totalSize: Int?
        /// Body bytes received by this request.
        var received = 0
    }

    /// Next to a partial download: the ETag (else Last-Modified) of the response it holds.
    static let validatorSuffix = ".validator"

    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private let destination: String
    private let progress: (@Sendable (Int, Int?) -> Void)?
    private var file: FileHandle?
    private var outcome = Outcome(status: 0)
    private var failure: Error?
    /// Bytes already in the destination before this request (a resumed download), counted into the progress.
    private var offset = 0

    private init(destination: String, progress: (@Sendable (Int, Int?) -> Void)?) {
        self.destination = destination
        self.progress = progress
    }

    /// Sends `request` and streams a 200 body into `destination` (replacing it) or a 206 body after its current
    /// end. Any other status writes nothing. `idleTimeout` is the longest wait for the next byte.
    static func run(
        _ request: URLRequest, to destination: String, idleTimeout: TimeInterval,
        progress: (@Sendable (Int, Int?) -> Void)? = nil
    ) throws -> Outcome {
        let download = HTTPDownload(destination: destination, progress: progress)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = idleTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let queue = InlineDelegateQueue()
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }
        session.dataTask(with: request).resume()
        download.done.wait()
        return try download.result()
    }

    private func result() throws -> Outcome {
        lock.lock()
        defer { lock.unlock() }
        try? file?.close()
        if let failure { throw failure }
        return outcome
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            return
        }
        lock.lock()
        defer { lock.unlock() }
        outcome.status = http.statusCode
        outcome.etag = http.value(forHTTPHeaderField: "ETag") ?? ""
        outcome.lastModified = http.value(forHTTPHeaderField: "Last-Modified") ?? ""
        outcome.contentType = (http.value(forHTTPHeaderField: "Content-Type") ?? "").lowercased()
        let length = http.value(forHTTPHeaderField: "Content-Length").flatMap { Int($0) }
        do {
            switch http.statusCode {
            case 200:
                outcome.totalSize = length
                // The validator this body belongs to, so an interrupted download can resume with `If-Range`.
                let validator = outcome.etag.isEmpty ? outcome.lastModified : outcome.etag
                try Data(validator.utf8).write(to: URL(fileURLWithPath: destination + HTTPDownload.validatorSuffix))
                try Data().write(to: URL(fileURLWithPath: destination))
                file = try FileHandle(forWritingTo: URL(fileURLWithPath: destination))
            case 206:
                // `Content-Range: bytes START-END/TOTAL`
                let range = http.value(forHTTPHeaderField: "Content-Range") ?? ""
                outcome.totalSize = range.split(separator: "/").last.flatMap { Int($0) }
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: destination))
                offset = Int(try handle.seekToEnd())
                file = handle
            default:
                break
            }
            completionHandler(.allow)
        } catch {
            failure = error
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return }
        do {
            if let file { try file.write(contentsOf: data) }
            outcome.received += data.count
            progress?(offset + outcome.received, outcome.totalSize)
        } catch {
            failure = error
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.lock()
        if let error, failure == nil { failure = error }
        lock.unlock()
        done.signal()
    }
}

/// The delegate queue of a download: it runs each callback at once, on the thread that hands it over, instead of
/// queueing it. URLSession on Linux hands every body chunk libcurl reads to the delegate queue with `addOperation`
/// from its own serial work queue and does not wait for it. On a fast link (a loopback mirror: 300+ MB/s) the chunks
/// then pile up faster than they are written (measured: 69–134 MiB peak for an 800 MB file); even with at most 16
/// callbacks queued, memory still grew by about 20 KiB per MB received while operations were queued. Run inline, a chunk is written to
/// disk before libcurl reads the next one, so TCP flow control slows the server instead and memory stays flat
/// (Docs/Performance.md, "Fetch memory"). The callbacks stay serial: the work queue is.
final class InlineDelegateQueue: OperationQueue, @unchecked Sendable {
    override init() {
        super.init()
        maxConcurrentOperationCount = 1
    }

    override func addOperation(_ block: @escaping @Sendable () -> Void) {
        block()
    }
}
