import TacoCore

/// The files `tacoplan observe` writes, one per format, all rendered from the same `ObservabilityModel`.
public enum ObservabilityFiles {
    public enum Format: String, CaseIterable, Sendable {
        case cloudformation, prometheus, grafana, markdown, all

        /// The file each single format writes.
        public var fileName: String {
            switch self {
            case .cloudformation: "alarms.yaml"
            case .prometheus: "rules.yaml"
            case .grafana: "dashboard.json"
            case .markdown: "runbook.md"
            case .all: ""
            }
        }

        /// The single formats this one stands for.
        public var members: [Format] { self == .all ? [.cloudformation, .prometheus, .grafana, .markdown] : [self] }
    }

    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    public static func render(_ m: ObservabilityModel, format: Format) throws -> [File] {
        try format.members.map { f in
            let text: String
            switch f {
            case .cloudformation: text = CloudFormationAlarms.render(m)
            case .prometheus: text = PrometheusRules.render(m)
            case .grafana: text = try GrafanaDashboard.render(m)
            case .markdown, .all: text = RunbookMarkdown.render(m)
            }
            return File(path: f.fileName, text: text)
        }
    }
}
