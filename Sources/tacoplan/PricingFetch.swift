import ArgumentParser
import Foundation
import TacoCore
import TacoFetch
import TacoStore

extension Service: ExpressibleByArgument {}

/// `tacoplan pricing fetch`: download the current AWS Price List files for regions and services and import them.
struct PricingFetch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch current AWS Price List files (and Spot Advisor data) and import them.",
        discussion: """
            Reads the offer index and each service's region index, downloads each regional file (CSV for EC2, JSON \
            for the others) and imports it in its own transaction. Requests are conditional, so a repeat fetch of \
            unchanged files transfers no body; an interrupted download resumes. Honours http_proxy, HTTPS_PROXY and \
            NO_PROXY. See Docs/PricingImport.md.
            """)

    @OptionGroup var database: PricingDatabaseOptions

    @Option(name: .customLong("region"), help: "Region to fetch (repeat or comma-separate: us-west-2,eu-west-1).")
    var regions: [String] = []

    @Option(name: .customLong("service"), help: "Services, comma-separated (default ec2,elasticache,dynamodb,eks).")
    var services: [String] = []

    @Flag(help: "Also fetch the Spot Instance Advisor data.")
    var spotAdvisor = false

    @Option(help: "Price List endpoint (a mirror or a test server).")
    var endpoint = PriceListLayout.defaultEndpoint

    @Option(help: "Spot Advisor JSON URL.")
    var spotAdvisorURL = PriceListLayout.defaultSpotAdvisorURL

    @Option(help: "Seconds to wait for the next byte before a request fails.")
    var timeout = FetchOptions.defaultIdleTimeout

    @Option(help: "Attempts per request when the connection fails or the server answers 5xx.")
    var attempts = FetchOptions.defaultAttempts

    @Option(help: "Seconds before the second attempt (doubled before each later one).")
    var backoff = FetchOptions.defaultBackoff

    @Flag(help: "Import the valid rows of a file that also has rejected rows.")
    var acceptPartial = false

    func run() throws {
        try PricingFailure.reported(fetch)
    }

    private func fetch() throws {
        let regionList = regions.flatMap { $0.split(separator: ",").map(String.init) }
        let serviceList = try (services.isEmpty ? Service.allCases.map(\.rawValue) : services)
            .flatMap { $0.split(separator: ",").map(String.init) }
            .map { name in
                guard let service = Service(rawValue: name) else {
                    throw PricingFailure.message(
                        "--service '\(name)': expected \(Service.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return service
            }
        guard !regionList.isEmpty || spotAdvisor else {
            throw PricingFailure.message("nothing to fetch: pass --region R (and --service S) or --spot-advisor")
        }
        guard let base = URL(string: endpoint), base.scheme != nil else {
            throw PricingFailure.message(
                "--endpoint '\(endpoint)' is not a URL (e.g. \(PriceListLayout.defaultEndpoint))")
        }
        guard let spotURL = URL(string: spotAdvisorURL), spotURL.scheme != nil else {
            throw PricingFailure.message("--spot-advisor-url '\(spotAdvisorURL)' is not a URL")
        }
        let db = try database.open()
        let location = DatabaseLocation.resolve(
            option: database.path, environment: ProcessInfo.processInfo.environment)
        var options = FetchOptions(
            endpoint: base, regions: regionList, services: regionList.isEmpty ? [] : serviceList,
            spotAdvisorURL: spotAdvisor ? spotURL : nil, downloadDirectory: location + ".downloads",
            now: { Standard.now() }, today: try Standard.today().description)
        options.idleTimeout = timeout
        options.attempts = max(1, attempts)
        options.backoff = max(0, backoff)
        options.acceptPartial = acceptPartial
        let started = Date()
        if Standard.errorIsTerminal { options.progress = { Self.show($0, since: started) } }
        let outcomes = try PriceListFetcher(db: db, options: options).run()
        if Standard.errorIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        var failed = 0
        for outcome in outcomes {
            switch outcome.result {
            case .unchanged:
                print("\(outcome.label): unchanged since the last fetch (304 Not Modified, 0 bytes)")
            case .imported(let report):
                print(
                    "\(outcome.label): \(outcome.bytesTransferred) bytes; \(report.summary), \(report.rowsAdded) new")
                for line in report.rejectionDetails { print(line) }
            case .failed(let why):
                failed += 1
                Standard.error("error: \(outcome.label): \(why)\nNothing of this file was imported.")
            }
        }
        let total = outcomes.reduce(0) { $0 + $1.bytesTransferred }
        print("\(outcomes.count - failed) of \(outcomes.count) files fetched, \(total) bytes transferred")
        if failed > 0 { throw ExitCode(2) }
    }

    /// `AmazonEC2 us-west-2 index.csv: 120 of 380 MB, 2.1 MB/s, ETA 1:02` or `…: 1,200,000 rows read`.
    static func show(_ progress: FetchProgress, since start: Date) {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        let megabytes = Double(progress.bytes) / 1_048_576
        var line = "\r\u{1B}[K\(progress.file): "
        if let rows = progress.rows {
            line += "importing, \(rows) rows read"
        } else {
            line += String(format: "%.1f", megabytes)
            if let total = progress.totalBytes, total > 0 {
                let rate = Double(progress.bytes) / seconds
                let eta = rate > 0 ? Int(Double(total - progress.bytes) / rate) : 0
                line += String(
                    format: " of %.1f MB, %.1f MB/s, ETA %d:%02d", Double(total) / 1_048_576, rate / 1_048_576,
                    eta / 60, eta % 60)
            } else {
                line += String(format: " MB, %.1f MB/s", megabytes / seconds)
            }
        }
        FileHandle.standardError.write(Data(line.utf8))
    }
}
