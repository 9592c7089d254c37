import ArgumentParser

/// `tacoplan pricing fetch|import|list|show|coverage`: load official AWS price lists and inspect the price book.
struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Fetch or import AWS price lists and inspect the price book.",
        discussion:
            "Exit codes: 0 ok; 2 invalid input or a file that cannot be fetched or imported; 3 (coverage) a price is missing; 4 database error.",
        subcommands: [
            PricingFetch.self, PricingImport.self, PricingList.self, PricingShow.self, PricingCoverage.self,
        ])
}
