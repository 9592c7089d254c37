import Foundation
import TacoCore
import TacoFetch
import TacoReport
import TacoStore

/// `pricing fetch`: the current AWS Price List files of regions and services (and the Spot Advisor data), each
/// downloaded with conditional requests and imported in its own transaction (Docs/PricingImport.md "Fetch").
public enum PricingFetchUseCase {
    public struct Request: Sendable {
        public var regions: [String]
        public var services: [Service]
        public var spotAdvisor: Bool
        public var endpoint: String
        public var spotAdvisorURL: String
        public var timeout: TimeInterval
        public var attempts: Int
        public var backoff: TimeInterval
        public var acceptPartial: Bool

        public static let defaultEndpoint = PriceListLayout.defaultEndpoint
        public static let defaultSpotAdvisorURL = PriceListLayout.defaultSpotAdvisorURL
        public static let defaultTimeout = FetchOptions.defaultIdleTimeout
        public static let defaultAttempts = FetchOptions.defaultAttempts
        public static let defaultBackoff = FetchOptions.defaultBackoff

        public init(
            regions: [String], services: [Service], spotAdvisor: Bool, endpoint: String, spotAdvisorURL: String,
            timeout: TimeInterval, attempts: Int, backoff: TimeInterval, acceptPartial: Bool
        ) {
            self.regions = regions
            self.services = services
            self.spotAdvisor = spotAdvisor
            self.endpoint = endpoint
            self.spotAdvisorURL = spotAdvisorURL
            self.timeout = timeout
            self.attempts = attempts
            self.backoff = backoff
            self.acceptPartial = acceptPartial
        }
    }

    /// Progress of the file being fetched: bytes (of the total when known), or rows read while importing.
    public struct Progress: Sendable {
        public var file: String
        public var bytes: Int
        public var totalBytes: Int?
        public var rows: Int?
    }

    public struct Outcome: Sendable {
        public var files: [FetchOutcome]
        /// Exit 2 after printing when a file failed (the others are kept).
        public var failure: AppFailure?
    }

    public static func run(
        _ request: Request, db: String?, progress: (@Sendable (Progress) -> Void)?, context: AppContext
    ) throws(AppFailure) -> Outcome {
        guard !request.regions.isEmpty || request.spotAdvisor else {
            throw AppFailure.input(
                Diagnostic("nothing to fetch", fix: "pass --region R (and --service S) or --spot-advisor"))
        }
        guard let base = URL(string: request.endpoint), base.scheme != nil else {
            throw AppFailure.input(
                Diagnostic("--endpoint '\(request.endpoint)' is not a URL", fix: "e.g. \(Request.defaultEndpoint)"))
        }
        guard let spotURL = URL(string: request.spotAdvisorURL), spotURL.scheme != nil else {
            throw AppFailure.input(["error: --spot-advisor-url '\(request.spotAdvisorURL)' is not a URL"])
        }
        let database = try DatabaseOpener.open(db, access: .write, context: context)
        var options = FetchOptions(
            endpoint: base, regions: request.regions, services: request.regions.isEmpty ? [] : request.services,
            spotAdvisorURL: request.spotAdvisor ? spotURL : nil, downloadDirectory: database.path + ".downloads",
            now: context.clock.now, today: context.clock.today.description)
        options.idleTimeout = request.timeout
        options.attempts = max(1, request.attempts)
        options.backoff = max(0, request.backoff)
        options.acceptPartial = request.acceptPartial
        if let progress {
            options.progress = { p in
                progress(Progress(file: p.file, bytes: p.bytes, totalBytes: p.totalBytes, rows: p.rows))
            }
        }
        let outcomes: [FetchOutcome]
        do {
            outcomes = try PriceListFetcher(db: database.store, options: options).run()
        } catch {
            // A network, server or index failure is a fetch error (exit 2, naming the URL), not a database error.
            if let failure = AppFailure.databaseIfStore(database.path, error) { throw failure }
            if (error as NSError).domain == NSCocoaErrorDomain {
                throw AppFailure.input(
                    .file(
                        options.downloadDirectory,
                        "cannot create the download folder: " + FileErrorText.describe(error),
                        fix: "pass --db PATH in a directory you can write (downloads go beside the database)"))
            }
            throw AppFailure.input(
                Diagnostic(
                    Excerpt.quoted(String(describing: error), limit: 600),
                    fix: "check --endpoint, the network and the proxy variables (http_proxy, HTTPS_PROXY), then "
                        + "run the fetch again; nothing was stored"))
        }
        let failed = outcomes.filter { if case .failed = $0.result { true } else { false } }.count
        let failure =
            failed > 0
            ? AppFailure.input(["\(failed) of \(outcomes.count) files not fetched; the others were imported"]) : nil
        return Outcome(files: outcomes, failure: failure)
    }
}
