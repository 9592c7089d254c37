import ArgumentParser
import TacoApp
import TacoReport

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

    @OptionGroup var database: DatabaseOption

    @Option(name: .customLong("region"), help: "Region to fetch (repeat or comma-separate: us-west-2,eu-west-1).")
    var regions: [String] = []

    @Option(name: .customLong("service"), help: "Services, comma-separated (default ec2,elasticache,dynamodb,eks).")
    var services: [String] = []

    @Flag(help: "Also fetch the Spot Instance Advisor data.")
    var spotAdvisor = false

    @Option(help: "Price List endpoint (a mirror or a test server).")
    var endpoint = PricingFetchUseCase.Request.defaultEndpoint

    @Option(help: "Spot Advisor JSON URL.")
    var spotAdvisorURL = PricingFetchUseCase.Request.defaultSpotAdvisorURL

    @Option(help: "Seconds to wait for the next byte before a request fails.")
    var timeout = PricingFetchUseCase.Request.defaultTimeout

    @Option(help: "Attempts per request when the connection fails or the server answers 5xx.")
    var attempts = PricingFetchUseCase.Request.defaultAttempts

    @Option(help: "Seconds before the second attempt (doubled before each later one).")
    var backoff = PricingFetchUseCase.Request.defaultBackoff

    @Flag(help: "Import the valid rows of a file that also has rejected rows.")
    var acceptPartial = false

    func validate() throws {
        guard timeout > 0 else {
            throw ValidationError(
                "--timeout \(timeout): give the seconds to wait for a byte, above 0, e.g. --timeout 30")
        }
        guard attempts >= 1 else {
            throw ValidationError(
                "--attempts \(attempts): give at least 1 (the first request counts), e.g. --attempts 3")
        }
        guard backoff >= 0 else {
            throw ValidationError("--backoff \(backoff): give 0 or more seconds, e.g. --backoff 1")
        }
        for name in serviceNames where Service(rawValue: name) == nil {
            throw ValidationError(
                "--service '\(name)': expected \(Service.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var serviceNames: [String] {
        (services.isEmpty ? Service.allCases.map(\.rawValue) : services).flatMap {
            $0.split(separator: ",").map(String.init)
        }
    }

    func run() throws {
        let request = PricingFetchUseCase.Request(
            regions: regions.flatMap { $0.split(separator: ",").map(String.init) },
            services: serviceNames.compactMap(Service.init(rawValue:)), spotAdvisor: spotAdvisor, endpoint: endpoint,
            spotAdvisorURL: spotAdvisorURL, timeout: timeout, attempts: attempts, backoff: backoff,
            acceptPartial: acceptPartial)
        let progress = Terminal.progressLines { (p: PricingFetchUseCase.Progress, elapsed) in
            ProgressText.priceListFetch(
                file: p.file, bytes: p.bytes, totalBytes: p.totalBytes, rows: p.rows, elapsed: elapsed)
        }
        let outcome = try PricingFetchUseCase.run(
            request, db: database.db, progress: progress, context: Terminal.context)
        if progress != nil { Terminal.progress(ProgressText.clear) }
        let text = PricingFetchText.render(outcome.files)
        Terminal.out(text.out)
        for e in text.errors { Terminal.error(e) }
        if let failure = outcome.failure { throw failure }
    }
}
