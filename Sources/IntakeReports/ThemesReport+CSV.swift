extension ThemesReport {
    /// The CSV's columns: one row per bar of every chart (long format). `count` out of `of`:
    /// disputes for most charts, the histogram's disputes with a duration, and for
    /// `overdue_by_month` the month's submissions with a timescale.
    public static let csvColumns = ["chart", "category", "count", "of"]

    public func renderCSV() -> String {
        let rows = charts.flatMap { chart in chart.bars.map { [chart.id, $0.category, String($0.count), String($0.of)] } }
        return ([Self.csvColumns] + rows).map { $0.map(CSV.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
