import Foundation
import TacoCore

/// The dashboard as Grafana JSON (observability-facts §6): a text panel with the verdict, then one row per resource;
/// each panel draws the live metric with the plan's sized value (orange) and the alarm threshold (red) as threshold
/// lines, so the operator sees headroom at a glance.
public enum GrafanaDashboard {
    /// The dashboard schema version Grafana's migrator upgrades from (GRAF: 39 at the read commit).
    public static let schemaVersion = 39
    /// Panels per row (24 grid columns ÷ 12 per panel) and panel height in 30-px rows.
    static let panelWidth = 12
    static let panelHeight = 8

    public static func render(_ m: ObservabilityModel) throws -> String {
        var panels: [JSONValue] = []
        var id = 1
        var y = 0
        let header = ObservabilityHeader.lines(m)
        panels.append(
            .object([
                "id": .number(Double(id)), "type": .string("text"), "title": .string("Plan verdict"),
                "gridPos": grid(x: 0, y: y, w: 24, h: 4),
                "options": .object([
                    "mode": .string("markdown"),
                    "content": .string(header.map { MarkdownText.inline($0) }.joined(separator: "\n\n")),
                ]),
            ]))
        y += 4
        for row in m.rows {
            id += 1
            panels.append(
                .object([
                    "id": .number(Double(id)), "type": .string("row"), "title": .string(row.title),
                    "collapsed": .bool(false),
                    "gridPos": grid(x: 0, y: y, w: 24, h: 1), "panels": .array([]),
                ]))
            y += 1
            for (i, p) in row.panels.enumerated() {
                id += 1
                let x = (i % 2) * panelWidth
                if i > 0 && i % 2 == 0 { y += panelHeight }
                panels.append(panel(p, id: id, x: x, y: y))
            }
            y += panelHeight
        }
        let dashboard = JSONValue.object([
            "uid": .string("tacoplan-" + String(ObservabilityModel.slug(m.plan, max: 30))),
            "title": .string(
                "tacoplan: \(m.plan)" + (m.verdict.status == .feasible ? "" : " — \(m.verdict.status.rawValue)")),
            "description": .string(header.joined(separator: " ")),
            "tags": .array([.string("tacoplan"), .string(m.verdict.status.rawValue)]),
            "schemaVersion": .number(Double(schemaVersion)), "version": .number(1), "editable": .bool(true),
            "graphTooltip": .number(1), "refresh": .string("30s"),
            "time": .object(["from": .string("now-1h"), "to": .string("now")]),
            "templating": .object(["list": .array(variables(m))]),
            "annotations": .object(["list": .array([])]),
            "panels": .array(panels),
        ])
        return try StableJSON.encode(dashboard)
    }

    static func grid(x: Int, y: Int, w: Int, h: Int) -> JSONValue {
        .object(["x": .number(Double(x)), "y": .number(Double(y)), "w": .number(Double(w)), "h": .number(Double(h))])
    }

    static func variables(_ m: ObservabilityModel) -> [JSONValue] {
        func datasource(_ name: String, _ type: String) -> JSONValue {
            .object([
                "name": .string(name), "type": .string("datasource"), "query": .string(type), "label": .string(name),
            ])
        }
        func text(_ name: String, _ value: String) -> JSONValue {
            .object([
                "name": .string(name), "type": .string("textbox"), "query": .string(value), "label": .string(name),
                "current": .object(["text": .string(value), "value": .string(value)]),
            ])
        }
        return [
            datasource("DS_PROMETHEUS", "prometheus"), datasource("DS_CLOUDWATCH", "cloudwatch"),
            text(AlarmDimension.Parameter.replicationGroup.rawValue, m.replicationGroup),
            text(AlarmDimension.Parameter.table.rawValue, m.table),
            text(AlarmDimension.Parameter.cluster.rawValue, m.cluster),
        ]
    }

    /// Threshold steps sorted by value: base (green), the sized value (orange) unless it is the threshold, the
    /// alarm threshold (red), the hard limit beyond it (dark red).
    static func steps(_ p: DashboardPanel) -> [JSONValue] {
        var marks: [(Double, String)] = [(p.ceiling, "red")]
        if let s = p.sized, s != p.ceiling, s.isFinite { marks.append((s, "orange")) }
        if let c = p.capacity, c > p.ceiling, c.isFinite { marks.append((c, "dark-red")) }
        marks.sort { $0.0 < $1.0 }
        return [.object(["color": .string("green"), "value": .null])]
            + marks.map { .object(["color": .string($0.1), "value": .number($0.0)]) }
    }

    static func panel(_ p: DashboardPanel, id: Int, x: Int, y: Int) -> JSONValue {
        var targets: [JSONValue] = []
        var datasource = "prometheus"
        for (i, q) in p.queries.enumerated() {
            switch q {
            case .prometheus(let expr, let legend):
                targets.append(
                    .object([
                        "refId": .string(refId(targets.count)), "expr": .string(expr),
                        "legendFormat": .string(legend),
                        "datasource": .object(["type": .string("prometheus"), "uid": .string("${DS_PROMETHEUS}")]),
                    ]))
            case .cloudwatch(let namespace, let metric, let dims, let stat, let perSecond, let legend):
                datasource = "cloudwatch"
                var dimensions: [String: JSONValue] = [:]
                for d in dims {
                    dimensions[d.name] = .string(d.parameter.map { "${\($0.rawValue)}" + d.value } ?? d.value)
                }
                targets.append(
                    .object([
                        "refId": .string(refId(targets.count)), "id": .string("m\(i + 1)"),
                        "namespace": .string(namespace), "metricName": .string(metric),
                        "dimensions": .object(dimensions), "statistic": .string(stat), "period": .string("60"),
                        "region": .string("default"), "matchExact": .bool(true), "queryMode": .string("Metrics"),
                        "metricQueryType": .number(0), "metricEditorMode": .number(0),
                        "hide": .bool(perSecond),
                        "label": .string(legend),
                        "datasource": .object(["type": .string("cloudwatch"), "uid": .string("${DS_CLOUDWATCH}")]),
                    ]))
                if perSecond {
                    targets.append(
                        .object([
                            "refId": .string(refId(targets.count)), "id": .string("r\(i + 1)"),
                            "expression": .string("m\(i + 1) / PERIOD(m\(i + 1))"), "queryMode": .string("Metrics"),
                            "metricQueryType": .number(0), "metricEditorMode": .number(1),
                            "region": .string("default"),
                            "label": .string(legend + " per second"),
                            "datasource": .object(["type": .string("cloudwatch"), "uid": .string("${DS_CLOUDWATCH}")]),
                        ]))
                }
            }
        }
        return .object([
            "id": .number(Double(id)), "type": .string("timeseries"), "title": .string(p.title),
            "description": .string(
                "Red line: the alarm \(p.alarm). Orange line: the plan's sized value at the peak."
                    + (p.capacity.map { " Dark-red line: the hard limit (\(Format.number($0)))." } ?? "")),
            "gridPos": grid(x: x, y: y, w: panelWidth, h: panelHeight),
            "datasource": .object([
                "type": .string(datasource),
                "uid": .string(datasource == "prometheus" ? "${DS_PROMETHEUS}" : "${DS_CLOUDWATCH}"),
            ]),
            "targets": .array(targets),
            "fieldConfig": .object([
                "defaults": .object([
                    "unit": .string(p.unit),
                    "custom": .object(["thresholdsStyle": .object(["mode": .string("line+area")])]),
                    "thresholds": .object(["mode": .string("absolute"), "steps": .array(steps(p))]),
                ]),
                "overrides": .array([]),
            ]),
            "options": .object([
                "legend": .object([
                    "displayMode": .string("list"), "placement": .string("bottom"), "showLegend": .bool(true),
                ]),
                "tooltip": .object(["mode": .string("multi"), "sort": .string("desc")]),
            ]),
        ])
    }

    /// A, B, …, Z, AA, AB, … (Grafana reference ids).
    static func refId(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return n < 26 ? String(letters[n]) : String(letters[n / 26 - 1]) + String(letters[n % 26])
    }
}
