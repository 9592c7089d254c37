import ArgumentParser

@main
struct Tacoplan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tacoplan",
        abstract: "Size and price a flash-crowd waiting room on AWS (gateway + Redis/Valkey queue + DynamoDB).",
        discussion: "Exit codes: 0 ok; 2 invalid input (plan, file, option); 3 pricing data missing (region, date); 4 database error; 5 the plan is infeasible (no configuration meets every constraint; the estimate is still printed).",
        subcommands: [EstimateCommand.self, ExplainCommand.self, ReportCommand.self])
}
