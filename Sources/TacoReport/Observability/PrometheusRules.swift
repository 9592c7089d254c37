import TacoCore

/// The gateway's recording and alerting rules as a Prometheus rule file (observability-facts §5): one group of
/// recording rules, one of alerts; each alert's annotations cite the figure its threshold comes from.
public enum PrometheusRules {
    public static func render(_ m: ObservabilityModel) -> String {
        let slug = ObservabilityModel.slug(m.plan, max: 60)
        let records = YAMLNode.list(
            m.recordingRules.map { .map([YAMLEntry("record", .text($0.record)), YAMLEntry("expr", .text($0.expr))]) })
        let alerts = YAMLNode.list(m.alerts.map(alert))
        let root = YAMLNode.map([
            YAMLEntry(
                "groups",
                .list([
                    .map([YAMLEntry("name", .text("tacoplan-\(slug)-records")), YAMLEntry("rules", records)]),
                    .map([YAMLEntry("name", .text("tacoplan-\(slug)-alerts")), YAMLEntry("rules", alerts)]),
                ]))
        ])
        return YAMLWriter.document(root, header: ObservabilityHeader.lines(m))
    }

    /// Text for an annotation: Prometheus expands `{{ … }}` templates in annotations, so braces from text we did not
    /// write are broken apart.
    static func annotation(_ s: String) -> String {
        s.replacingOccurrences(of: "{{", with: "{ {").replacingOccurrences(of: "}}", with: "} }")
    }

    static func alert(_ a: PrometheusAlert) -> YAMLNode {
        let verdict = a.expectedToBreach ? "EXPECTED TO FIRE at the planned peak. " : ""
        return .map([
            YAMLEntry("alert", .text(a.name)),
            YAMLEntry("expr", .text(a.expr), comment: "\(a.source.label) = \(a.source.display) [\(a.source.figure)]"),
            YAMLEntry("for", .text("\(a.forSeconds)s")),
            YAMLEntry(
                "labels",
                .map([YAMLEntry("severity", .text(a.severity)), YAMLEntry("source", .text("tacoplan"))])),
            YAMLEntry(
                "annotations",
                .map([
                    YAMLEntry("summary", .text(annotation(verdict + a.meaning))),
                    YAMLEntry(
                        "threshold",
                        .text(
                            annotation(
                                "\(a.comparison.symbol) \(Format.plain(a.threshold)) \(a.unit): \(a.source.label) = \(a.source.display) [\(a.source.figure)]; \(a.source.arithmetic); \(a.source.origin)"
                            ))),
                    YAMLEntry("sized", .text(annotation(a.sized))),
                    YAMLEntry("action", .text(annotation(a.relief.action))),
                    YAMLEntry("value", .text("{{ $value }}")),
                ])),
        ])
    }
}
