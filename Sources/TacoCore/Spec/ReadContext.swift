import Yams

/// Collects problems and provenance while a YAML tree is read into a plan.
final class ReadContext {
    let file: String
    var problems: [PlanProblem] = []
    var provenance = PlanProvenance()

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation? {
        guard let mark = node?.mark else { return nil }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    func problem(_ node: Node?, _ path: String, _ message: String, fix: String? = nil) {
        problems.append(PlanProblem(file: file, location: location(node), path: path, message: message, fix: fix))
    }
}
