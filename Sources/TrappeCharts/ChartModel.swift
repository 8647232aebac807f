import TrappeBase
import TrappeStorage

/// The chart to draw, resolved once from a result, the `chart` options and the context: its
/// kind (the default for an analysis result when no kind is given), its data, title, axis
/// titles, unit and series. The terminal renderer and any other renderer (SVG) draw from this
/// one value, so they show the same chart.
package struct ChartModel: Sendable {
  /// The kind drawn.
  package var kind: ChartKind
  /// The options with the default's columns filled in.
  package var options: ChartOptions
  /// The data with titles and unit.
  package var data: ChartData
  /// The default chosen for a `chart` without a kind, as a chart stage one could type
  /// (`chart line x=runde y=value,peer_value,national_value`); nil when a kind was given.
  package var defaultChoice: String?
  /// The rows left out by the `rows=` cap, and the rows of the whole result.
  package var leftOut: Int
  package var totalRows: Int
  /// The number of non-finite values left out.
  package var nonFinite: Int
  /// The series names in drawing order, with the marker each is drawn with (no colour needed).
  package var series: [(name: String, marker: Character)]

  /// Resolves the chart: defaults for analysis results, the row cap, the columns' roles,
  /// the title (`title=`, else the query), the axis titles and the unit.
  /// `titles` are the display titles of columns (`label`, `.lang da`): axes and legends show
  /// them; roles, units and markers are found by the real column names first.
  package static func resolve(
    _ table: Table, options: ChartOptions, context: ChartContext, charset: ChartCharset = .unicode,
    titles: [String: String] = [:]
  ) throws(Diagnostic) -> ChartModel
  {
    var options = options
    var defaultChoice: String?
    if options.kind == nil {
      let choice = try ChartDefaults.choose(table, options: options, context: context)
      options = choice.options
      defaultChoice = choice.text
    }
    let kind = options.kind ?? ChartRenderer.inferKind(table, options: options)
    options.kind = kind
    // A bar-like chart draws one mark per row: past the cap it draws the first rows only.
    let cap = options.rows ?? ChartOptions.defaultRows
    var input = table
    var leftOut = 0
    if options.top == nil, ChartKind.capped.contains(kind), table.rowCount > cap {
      input = try ChartRenderer.interruptible { () throws(ExecutionStop) in
        let rows = (0..<Int32(cap)).map { $0 }
        var columns: [Column] = []
        for column in table.columns { columns.append(try column.gather(rows, polling: Interrupt.check)) }
        return Table(schema: table.schema, columns: columns)
      }
      leftOut = table.rowCount - cap
    }
    var data = try ChartRoles.data(for: kind, table: input, options: options)
    try ChartRenderer.interruptible { () throws(ExecutionStop) in try Interrupt.check() }
    let nonFinite = data.removeNonFinite()
    data.keepOrder = options.keepOrder
    if kind == .bar {
      data.markerNames = data.values.dropFirst().map(\.name).filter { ChartModel.markerColumns.contains($0) }
    }
    data.unit = ChartModel.unit(of: data, context: context)
    if !titles.isEmpty {
      data.markerNames = data.markerNames.map { titles[$0] ?? $0 }
      data.applyTitles(titles)
    }
    data.title = options.title ?? context.query
    data.xTitle = data.labelName
    data.yTitle = ChartModel.yTitle(data, kind: kind)
    var series: [(name: String, marker: Character)] = []
    if [.line, .step].contains(kind) {
      var names = TrendSeries.from(data).filter { $0.points.contains { $0.y != nil } }.map(\.name)
      // As the line chart orders them: the highlighted series first, with its own marker.
      var highlighted = false
      if let h = options.highlight, let i = names.firstIndex(of: h) {
        names.insert(names.remove(at: i), at: 0)
        highlighted = true
      }
      let markers = LineChart.markers(names, highlighted: highlighted, unicode: charset == .unicode)
      series = Array(zip(names, markers))
    }
    return ChartModel(
      kind: kind, options: options, data: data, defaultChoice: defaultChoice, leftOut: leftOut,
      totalRows: table.rowCount, nonFinite: nonFinite, series: series)
  }

  /// The value columns drawn as markers on a bar when charted with another value.
  static let markerColumns = ["peer_value", "national_value", "threshold"]

  /// The value columns that are in the measure's unit in an analysis result.
  static let measureColumns: Set<String> = [
    "value", "peer_value", "national_value", "top10_value", "threshold", "value_lo", "value_hi", "expected",
    "expected_value",
  ]

  /// The unit of the charted values: the context's, when every value column is in the
  /// measure's unit; `%` for columns that are percentages by name (`still_on_pct`, `row_pct`).
  static func unit(of data: ChartData, context: ChartContext) -> String? {
    let names = data.values.map(\.name)
    guard !names.isEmpty else { return nil }
    if let unit = context.unit, !unit.isEmpty, names.allSatisfy({ measureColumns.contains($0) }) { return unit }
    if names.allSatisfy({ $0.hasSuffix("_pct") || $0 == "pct" }) { return "%" }
    return nil
  }

  /// The y (value) axis title: the value column's name, or "value" for several, with the unit.
  static func yTitle(_ data: ChartData, kind: ChartKind) -> String {
    let name: String
    if kind == .histogram {
      name = "rows"
    } else if data.values.count == 1 || !data.markerNames.isEmpty, let first = data.values.first?.name {
      name = first
    } else {
      name = "value"
    }
    guard let unit = data.unit else { return name }
    return "\(name) (\(unit))"
  }
}
