import Yams

/// A reported autoscaling test: demand steps and how long the gateway took to follow each
/// (`benchmarks/seed-scale-test.yaml`, schema `tacoplan-scale-test/1`, Docs/Benchmarks.md "Scale test").
public struct ScaleTest: Codable, Hashable, Sendable {
    public struct Step: Codable, Hashable, Sendable {
        public var name: String
        public var fromRPS: Double
        public var toRPS: Double
        /// Seconds the test reports for the gateway to follow the step.
        public var seconds: Double
        /// Pods the test reports added (scale-up) or removed (scale-down).
        public var pods: Int
        /// `file:line` of the figure in the source, and the quoted line.
        public var citation: String
        public var quote: String
        public var isUp: Bool { toRPS > fromRPS }
    }

    /// A claim with a time and no step ("Karpenter: 빠른 확장 (30초 내)").
    public struct Claim: Codable, Hashable, Sendable {
        public var name: String
        public var seconds: Double
        public var citation: String
        public var quote: String
    }

    public var name: String
    public var title: String
    public var source: String
    public var file: String
    public var steps: [Step]
    public var claims: [Claim]

    /// Most steps a scale-test file may list.
    public static let maxSteps = 100

    public static func read(text: String, file: String) throws(SimulationError) -> ScaleTest {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw bad(file, nil, "the file is empty") }
            root = node
        } catch let e as SimulationError {
            throw e
        } catch {
            throw bad(file, nil, "not YAML: \(error)")
        }
        guard let schema = root["schema"]?.string, schema == "tacoplan-scale-test/1" else {
            throw bad(file, root["schema"], "expected `schema: tacoplan-scale-test/1`")
        }
        let source = root["source"]?.string ?? file
        let cited = root["seed_file"]?.string ?? file
        guard let list = root["steps"]?.sequence, !list.isEmpty, list.count <= maxSteps else {
            throw bad(file, root["steps"], "expected `steps:` with 1 to \(maxSteps) entries")
        }
        var steps: [Step] = []
        for item in list {
            func number(_ key: String) throws(SimulationError) -> Double {
                guard let text = item[key]?.string, let v = Double(text), v.isFinite, v >= 0 else {
                    throw bad(file, item[key] ?? item, "step needs `\(key):` as a number ≥ 0")
                }
                return v
            }
            let from = try number("from_rps")
            let to = try number("to_rps")
            guard from != to else { throw bad(file, item, "from_rps and to_rps are equal: nothing to scale") }
            steps.append(
                Step(
                    name: item["name"]?.string ?? "step \(steps.count + 1)", fromRPS: from, toRPS: to,
                    seconds: try number("seconds"), pods: Int(try number("pods")),
                    citation: "\(cited):\(item["line"]?.string ?? "?")", quote: item["quote"]?.string ?? ""))
        }
        let claims = (root["claims"]?.sequence ?? []).compactMap { c -> Claim? in
            guard let s = c["seconds"]?.string, let v = Double(s) else { return nil }
            return Claim(
                name: c["name"]?.string ?? "claim", seconds: v,
                citation: "\(cited):\(c["line"]?.string ?? "?")", quote: c["quote"]?.string ?? "")
        }
        return ScaleTest(
            name: root["name"]?.string ?? file, title: root["title"]?.string ?? file, source: source, file: file,
            steps: steps, claims: claims)
    }

    static func bad(_ file: String, _ node: Node?, _ message: String) -> SimulationError {
        let place = node?.mark.map { "\(file):\($0.line):\($0.column)" } ?? file
        return SimulationError(
            message: "\(place): \(message)", fix: "see benchmarks/seed-scale-test.yaml and Docs/Benchmarks.md")
    }
}
