import Yams

/// Turns plan text into a YAML node tree, mapping parser errors to file:line:column problems.
public enum PlanText {
    public static func compose(_ text: String, file: String) -> Result<Node, PlanErrors> {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(
                PlanErrors([
                    PlanProblem(
                        file: file, location: nil, path: "", message: "the file is empty",
                        fix:
                            "start from plans/traffic-tacos.yaml; a plan needs at least event, clients, admission, redis and gateway"
                    )
                ]))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                return .failure(
                    PlanErrors([
                        PlanProblem(
                            file: file, location: nil, path: "", message: "no YAML document found",
                            fix: "the file holds only comments; start from plans/traffic-tacos.yaml")
                    ]))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(PlanErrors([problem(error, file: file)]))
        } catch {
            return .failure(PlanErrors([PlanProblem(file: file, location: nil, path: "", message: "\(error)")]))
        }
    }

    static func problem(_ error: YamlError, file: String) -> PlanProblem {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return PlanProblem(
                file: file, location: at(mark), path: "", message: "malformed YAML: \(problem)",
                fix: "check indentation and quoting near this line (YAML uses spaces, not tabs)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return PlanProblem(
                file: file, location: at(context.mark), path: "", message: "duplicate key \(names) in the same mapping",
                fix: "keep one of them; a later key would silently replace the first")
        case .reader(let problem, _, _, _):
            return PlanProblem(
                file: file, location: nil, path: "", message: "cannot read the text: \(problem)",
                fix: "save the plan as UTF-8")
        default:
            return PlanProblem(file: file, location: nil, path: "", message: "\(error)")
        }
    }
}
