import TacoCore

/// The scale sweep as a chart for the deck: cost per event at each point (the table beside it carries the shapes
/// and break points).
public enum SweepChart {
    public static func cost(_ s: SweepResult) -> Chart {
        let label = s.axis.label
        let categories = s.points.map {
            switch s.axis {
            case .users: ChartValueFormat.count.short(Double($0.users))
            case .statusRPS: ChartValueFormat.perSecond.short($0.statusRPS)
            case .gatewayRPS: ChartValueFormat.perSecond.short($0.gatewayRPS)
            }
        }
        return Chart(
            id: "scale-sweep", title: "Cost per event as the crowd grows (\(s.plan))", unit: "USD per event",
            axis: label, categories: categories,
            series: [
                Chart.Series(
                    name: "plan as written",
                    values: s.points.map { $0.feasible ? $0.perEvent.amount.doubleValue : nil },
                    displays: s.points.map { $0.feasible ? Format.usd($0.perEvent) : "INFEASIBLE" }),
                Chart.Series(
                    name: "with the partitions or replicas the hot key needs",
                    values: s.points.map { $0.remedy?.perEvent.amount.doubleValue },
                    displays: s.points.map { p in p.remedy.map { "\(Format.usd($0.perEvent)) (\($0.change))" } ?? "—" }),
            ], reference: nil, format: .usd)
    }
}
