
/// One series of a trend chart: its name and its points in x order (NULL values kept as gaps).
struct TrendSeries: Sendable {
  /// One point: the x position, the x label as written (2008Q3, 2007, 3), and the value.
  struct Point: Sendable {
    var x: Double
    var label: String
    var y: Double?
  }

  var name: String
  var points: [Point]

  /// The last non-NULL value.
  var lastValue: Double? { points.last { $0.y != nil }?.y }

  /// The series in `data`: one per series value when there is a series column, otherwise
  /// one per value column. With `rowsAsSeries`, a table without x numbers or series but
  /// with several value columns gives one series per row across the columns (a pivoted table).
  static func from(_ data: ChartData, rowsAsSeries: Bool = false) -> [TrendSeries] {
    if rowsAsSeries, data.series == nil, data.xValues == nil, data.values.count > 1 {
      return (0..<data.count).map { row in
        TrendSeries(
          name: data.labels[row] ?? "NULL",
          points: data.values.enumerated().map { Point(x: Double($0.offset), label: $0.element.name, y: $0.element.values[row]) })
      }
    }
    var ordinals: [String: Double] = [:]
    var xs: [Double?] = []
    for row in 0..<data.count {
      if let numbers = data.xValues {
        xs.append(numbers[row])
      } else if let label = data.labels[row] {
        if ordinals[label] == nil { ordinals[label] = Double(ordinals.count) }
        xs.append(ordinals[label])
      } else {
        xs.append(nil)
      }
    }
    var result: [TrendSeries] = []
    if let series = data.series, let values = data.values.first {
      var index: [String: Int] = [:]
      for row in 0..<data.count {
        guard let x = xs[row] else { continue }
        let name = series[row] ?? "NULL"
        if index[name] == nil {
          index[name] = result.count
          result.append(TrendSeries(name: name, points: []))
        }
        if let i = index[name] {
          result[i].points.append(Point(x: x, label: data.labels[row] ?? "", y: values.values[row]))
        }
      }
    } else {
      for column in data.values {
        var points: [Point] = []
        for row in 0..<data.count {
          guard let x = xs[row] else { continue }
          points.append(Point(x: x, label: data.labels[row] ?? "", y: column.values[row]))
        }
        result.append(TrendSeries(name: column.name, points: points))
      }
    }
    for i in result.indices {
      result[i].points = result[i].points.enumerated()
        .sorted { $0.element.x != $1.element.x ? $0.element.x < $1.element.x : $0.offset < $1.offset }
        .map(\.element)
    }
    return result
  }
}
