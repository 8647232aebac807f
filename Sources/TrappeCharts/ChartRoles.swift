import TrappeBase
import TrappeStorage

/// Works out which column plays which part in a chart: category, values, series, x.
enum ChartRoles {
  /// The data a chart of `kind` needs from `table`, using the options' columns where given.
  ///
  /// Defaults: the category is the first text or period column (else the first
  /// column), the values are the numeric columns that are not the category or
  /// the series, the series is a second text column for grouped, stacked and line charts.
  static func data(for kind: ChartKind, table: Table, options: ChartOptions) throws(Diagnostic) -> ChartData {
    if kind == .funnel { return try FunnelChart.data(table: table, options: options) }
    let fields = table.schema.fields
    func index(_ name: String) throws(Diagnostic) -> Int {
      if let i = table.schema.index(of: name) { return i }
      throw Diagnostic(.error, "the result has no column '\(name)'", hints: ["columns: \(table.schema.names.joined(separator: ", "))"])
        .suggesting(Suggestion.nearest(to: name, in: table.schema.names))
    }
    let textual = fields.indices.filter { fields[$0].type == .string || fields[$0].type == .period }
    // Distribution charts of a lone numeric column have no category.
    let numericOnly: Set<ChartKind> = [.histogram, .scatter]
    let categoryIndex: Int? =
      try options.x.map(index) ?? textual.first ?? (fields.isEmpty || numericOnly.contains(kind) ? nil : 0)
    var seriesIndex: Int? = try options.series.map(index)
    // Several y columns are the series themselves (`y=value,peer_value`): no series column then.
    if seriesIndex == nil, options.y.count <= 1, [.grouped, .stacked, .line, .step, .heatmap].contains(kind) {
      seriesIndex = textual.first { $0 != categoryIndex }
    }
    var valueIndices: [Int] = []
    for name in options.y { valueIndices.append(try index(name)) }
    if valueIndices.isEmpty {
      valueIndices = fields.indices.filter {
        fields[$0].type.isNumeric && $0 != categoryIndex && $0 != seriesIndex
      }
      // A bench result charts its value, with the peer and national values as markers.
      if let value = table.schema.index(of: "value"), fields[value].type.isNumeric {
        valueIndices = [value]
        if kind == .bar {
          valueIndices += ["peer_value", "national_value"].compactMap { table.schema.index(of: $0) }
        }
      } else if [.bar, .column, .grouped, .stacked, .line, .sparkline, .heatmap, .box, .histogram].contains(kind),
        let first = valueIndices.first
      {
        valueIndices = [first]
      }
    }
    for i in valueIndices where !fields[i].type.isNumeric {
      throw Diagnostic(.error, "'\(fields[i].name)' is \(fields[i].type.name), but the chart needs numbers for y")
    }
    guard !valueIndices.isEmpty || kind == .scatter else {
      throw Diagnostic(.error, "the result has no numeric column to chart", hints: ["add one, or name it with y=COLUMN"])
    }
    // A scatter plot names its points by the first text column, whatever x is.
    let labelIndex = kind == .scatter ? (textual.first ?? categoryIndex) : categoryIndex
    var labels: [String?] = labelIndex.map { i in ChartStop.perRow(table.rowCount) { table.columns[i].displayText(at: $0) } }
      ?? ChartStop.perRow(table.rowCount) { String($0 + 1) }
    // Rows grouped by `group=` (in order of first appearance), its value prefixing the label.
    var order = Array(0..<labels.count)
    var groupNames: [String]?
    if let group = options.group {
      let g = try index(group)
      let groups = ChartStop.perRow(labels.count) { table.columns[g].displayText(at: $0) ?? "NULL" }
      var rank: [String: Int] = [:]
      for name in groups where rank[name] == nil { rank[name] = rank.count }
      order = order.sorted { (rank[groups[$0]] ?? 0, $0) < (rank[groups[$1]] ?? 0, $1) }
      labels = order.map { labels[$0] }
      groupNames = order.map { groups[$0] }
    }
    func column(_ i: Int) -> [Double?] {
      let values = ChartStop.perRow(table.rowCount) { table.columns[i].numericValue(at: $0) }
      return options.group == nil ? values : order.map { values[$0] }
    }
    var xValues: [Double?]?
    if let i = categoryIndex, fields[i].type.isNumeric || fields[i].type == .period {
      xValues = column(i)
    }
    var data = ChartData(
      labels: labels, labelName: categoryIndex.map { fields[$0].name } ?? "row",
      values: valueIndices.map { i in (fields[i].name, column(i)) },
      series: seriesIndex.map { i in ChartStop.perRow(table.rowCount) { table.columns[i].displayText(at: $0) } },
      seriesName: seriesIndex.map { fields[$0].name }, xValues: xValues)
    data.groups = groupNames
    return data
  }
}

extension Column {
  /// The value at `row` as a double: numbers as they are, periods by ordinal, bools 0/1.
  func numericValue(at row: Int) -> Double? {
    switch self {
    case .int64(let c): return c[row].map(Double.init)
    case .double(let c): return c[row]
    case .bool(let c): return c[row].map { $0 ? 1 : 0 }
    case .period(let c): return c[row].map { Double($0.ordinal) }
    case .string: return nil
    }
  }

  /// The value at `row` as chart label text (NULL as nil).
  func displayText(at row: Int) -> String? {
    let value = value(at: row)
    return value.isNull ? nil : value.description
  }
}
