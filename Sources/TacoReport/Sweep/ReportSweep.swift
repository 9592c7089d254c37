import TacoCore

extension Report {
    /// Adds the scale sweep (computed with the same evidence as the report) and its cost chart.
    public mutating func attach(sweep: SweepResult) {
        self.sweep = sweep
        charts.removeAll { $0.id == "scale-sweep" }
        var chart = SweepChart.cost(sweep)
        // A series with no value at any point (no remedy was needed) would be an empty legend entry and column.
        chart.series.removeAll { $0.values.allSatisfy { $0 == nil } }
        charts.append(chart)
    }
}
