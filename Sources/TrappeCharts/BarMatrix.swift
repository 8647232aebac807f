import TrappeBase

/// Categories × series for grouped and stacked bars, from a series column or several value columns.
struct BarMatrix {
  /// Category labels in first-appearance order.
  var categories: [String?] = []
  /// Series names in first-appearance order.
  var series: [String] = []
  /// `cells[category][series]`, nil where missing or NULL.
  var cells: [[Double?]] = []
  /// The name of the values (the value column, or the series column's values).
  var valueName: String

  /// The matrix of `data`: one value column split by the series column, or the value columns as series.
  init(_ data: ChartData) throws(Diagnostic) {
    if let seriesLabels = data.series, let column = data.values.first {
      valueName = column.name
      var categoryIndex: [String: Int] = [:]
      var seriesIndex: [String: Int] = [:]
      var seen: Set<String> = []
      for row in 0..<data.count {
        let category = data.labels[row] ?? "NULL"
        let name = seriesLabels[row] ?? "NULL"
        let c: Int
        if let existing = categoryIndex[category] {
          c = existing
        } else {
          c = categories.count
          categoryIndex[category] = c
          categories.append(data.labels[row])
          cells.append(Array(repeating: nil, count: series.count))
        }
        let s: Int
        if let existing = seriesIndex[name] {
          s = existing
        } else {
          s = series.count
          seriesIndex[name] = s
          series.append(name)
          for i in cells.indices { cells[i].append(nil) }
        }
        guard seen.insert(category + "\u{0}" + name).inserted else {
          throw Diagnostic(
            .error, "several rows for \(category) / \(name): the chart needs one value per \(data.labelName) and \(data.seriesName ?? "series")",
            hints: ["summarize first, e.g. summarize \(column.name) = sum(\(column.name)) by \(data.labelName), \(data.seriesName ?? "series")"])
        }
        cells[c][s] = column.values[row]
      }
    } else {
      valueName = data.values.map(\.name).joined(separator: ", ")
      series = data.values.map(\.name)
      categories = data.labels
      cells = (0..<data.count).map { row in data.values.map { $0.values[row] } }
    }
  }

  /// The sum of a category's non-NULL values (nil when all are NULL).
  func total(_ category: Int) -> Double? {
    let present = cells[category].compactMap { $0 }
    return present.isEmpty ? nil : present.reduce(0, +)
  }
}
