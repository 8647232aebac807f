import TrappeBase
import TrappeStorage

/// The chart `chart` draws without a kind: a sensible default for analysis results, the
/// data's own shape otherwise, and a refusal with the chart to ask for when bars would
/// repeat a category (one bar per row would draw "Slagelse" five times).
///
/// - bench … by runde (or any by-period bench): lines over the period, value, peer_value
///   and national_value for one municipality, value per municipality for several.
/// - survival … by GROUP: a step curve of still_on_pct over week, one per group.
/// - gap: bars of value per measure and municipality, with each row's target (threshold) marked;
///   gap … by a period: lines over the period for one measure (value and threshold for one
///   municipality, value per municipality for several), several measures refused with a hint.
/// - flow: a heatmap from_status × to_status of row_pct.
enum ChartDefaults {
  /// The options with the default kind and columns, and the default written as a chart stage.
  static func choose(_ table: Table, options: ChartOptions, context: ChartContext) throws(Diagnostic)
    -> (options: ChartOptions, text: String?)
  {
    let names = table.schema.names
    func has(_ name: String) -> Bool { names.contains(name) }
    func numeric(_ name: String) -> Bool { table.schema.fields.first { $0.name == name }?.type.isNumeric ?? false }
    var chosen = options
    let untouched = options.x == nil && options.y.isEmpty && options.series == nil

    // bench by a period: lines.
    if untouched, has("value"), has("kommune"), has("peer_value") || has("national_value"),
      let x = periodColumn(table, excluding: ["kommune"])
    {
      chosen.kind = .line
      chosen.x = x
      let municipalities = distinct(table, "kommune")
      if municipalities <= 1 {
        chosen.y = ["value", "peer_value", "national_value"].filter(has)
      } else {
        chosen.y = ["value"]
        chosen.series = "kommune"
      }
      return (chosen, stage(chosen))
    }
    // survival by a group: step curves.
    if untouched, has("week"), has("still_on_pct") {
      chosen.kind = .step
      chosen.x = "week"
      chosen.y = ["still_on_pct"]
      chosen.series = table.schema.fields.first { $0.type == .string }?.name
      return (chosen, stage(chosen))
    }
    // gap … by a period: lines over the period for one measure (bars would repeat the name).
    if untouched, has("kommune"), has("maal"), has("value"), has("threshold"),
      let x = periodColumn(table, excluding: ["kommune"]), distinct(table, x) > 1
    {
      guard distinct(table, "maal") == 1 else {
        throw Diagnostic(
          .error, "no default chart for this result: several measures (maal) over \(x)",
          hints: ["chart one measure, e.g. … | where maal == \"i_gang\" | chart"])
      }
      chosen.kind = .line
      chosen.x = x
      if distinct(table, "kommune") <= 1 {
        chosen.y = ["value", "threshold"]
      } else {
        chosen.y = ["value"]
        chosen.series = "kommune"
      }
      return (chosen, stage(chosen))
    }
    // gap: bars against the targets, grouped by measure.
    if untouched, has("kommune"), has("maal"), has("value"), has("threshold") {
      chosen.kind = .bar
      chosen.x = "kommune"
      chosen.group = "maal"
      chosen.y = ["value", "threshold"]
      chosen.keepOrder = true
      return (chosen, "chart bar x=kommune y=value,threshold, a group per maal")
    }
    // flow: the transition matrix.
    if untouched, has("from_status"), has("to_status") {
      chosen.kind = .heatmap
      chosen.x = "from_status"
      chosen.series = "to_status"
      chosen.y = [has("row_pct") ? "row_pct" : "persons"]
      return (chosen, stage(chosen))
    }
    // Anything else: the data's shape, unless bars would repeat a category.
    let kind = ChartRenderer.inferKind(table, options: options)
    if kind == .bar, options.series == nil, let label = options.x ?? categoryColumn(table),
      distinct(table, label) < table.rowCount
    {
      let others = table.schema.fields.filter { $0.name != label && ($0.type == .string || $0.type == .period || $0.type == .int64) }
        .map(\.name)
      var hints = ["'\(label)' repeats, so bars would show the same name several times"]
      if let x = others.first(where: { !numeric($0) || ["runde", "aar", "maaned", "week", "uge", "kvartal"].contains($0) }) ?? others.first {
        hints.append("name the chart, e.g. chart line x=\(x) series=\(label), or chart grouped x=\(label) series=\(x)")
      } else {
        hints.append("summarize by \(label) first, or name the chart (chart KIND x=… y=… series=…)")
      }
      throw Diagnostic(.error, "no default chart for this result: several rows per \(label)", hints: hints)
    }
    return (options, nil)
  }

  /// The first period column, or an integer column named like a period (runde, aar, week, ...).
  static func periodColumn(_ table: Table, excluding: Set<String>) -> String? {
    let fields = table.schema.fields.filter { !excluding.contains($0.name) }
    if let period = fields.first(where: { $0.type == .period }) { return period.name }
    let periodNames = ["runde", "aar", "år", "maaned", "måned", "kvartal", "week", "uge", "year", "month"]
    return fields.first { $0.type == .int64 && periodNames.contains($0.name) }?.name
  }

  /// The category a bar chart would use: the first text or period column.
  static func categoryColumn(_ table: Table) -> String? {
    table.schema.fields.first { $0.type == .string || $0.type == .period }?.name
  }

  /// The number of distinct values of a column (NULL counts as one).
  static func distinct(_ table: Table, _ name: String) -> Int {
    guard let i = table.schema.index(of: name) else { return 0 }
    var seen: Set<String> = []
    let column = table.columns[i]
    for row in 0..<table.rowCount {
      if ChartStop.atRow(row) { break }
      seen.insert(column.displayText(at: row) ?? "\u{0}NULL")
    }
    return seen.count
  }

  /// The options as the chart stage one would type.
  static func stage(_ options: ChartOptions) -> String {
    var text = "chart \(options.kind?.rawValue ?? "")"
    if let x = options.x { text += " x=\(x)" }
    if !options.y.isEmpty { text += " y=\(options.y.joined(separator: ","))" }
    if let s = options.series { text += " series=\(s)" }
    return text
  }
}
