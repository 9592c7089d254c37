import ArgumentParser

/// `tacoplan pricing import|list|show`: load official AWS price lists and inspect the price book.
struct PricingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pricing",
        abstract: "Import AWS price lists and inspect the price book.",
        discussion: "Exit codes: 0 ok; 2 invalid input or a file that cannot be imported; 4 database error.",
        subcommands: [PricingImport.self, PricingList.self, PricingShow.self])
}
