import TrappeBase
import TrappeStorage
import TrappeIO

/// Draws a result table as a chart: checks the options, infers the kind and roles, dispatches.
package enum ChartRenderer {
  /// The chart as lines of text (no trailing newline).
  package static func render(_ table: Table, options: ChartOptions, settings: ChartSettings) throws(Diagnostic)
    -> String
  {
    var settings = settings
    if let width = options.width { settings.width = width }
    if let height = options.height { settings.height = height }
    let kind = options.kind ?? inferKind(table, options: options)
    var data = try ChartRoles.data(for: kind, table: table, options: options)
    let nonFinite = data.removeNonFinite()
    guard data.count > 0 else {
      return "(no rows to chart)"
    }
    var lines: [String] = []
    if let title = options.title { lines.append(TerminalText.truncate(title, to: settings.width)) }
    lines += try draw(kind, data: data, options: options, settings: settings)
    if nonFinite > 0 {
      let note = nonFinite == 1
        ? "1 value that is not a finite number (inf or NaN) left out"
        : "\(nonFinite) values that are not finite numbers (inf or NaN) left out"
      lines += TerminalText.wrapIfNeeded(note, width: settings.width)
    }
    return lines.joined(separator: "\n")
  }

  /// The kind the data suggests: a time-like x gives a line, otherwise bars.
  static func inferKind(_ table: Table, options: ChartOptions) -> ChartKind {
    let numeric = table.schema.fields.filter { $0.type.isNumeric }.count
    let hasPeriod = table.schema.fields.contains { $0.type == .period }
    if hasPeriod && numeric >= 1 { return .line }
    if table.schema.fields.allSatisfy({ $0.type.isNumeric }) && numeric == 1 { return .histogram }
    return .bar
  }

  /// Dispatches to the kind's drawer.
  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
  {
    guard let drawer = ChartRegistry.all.first(where: { $0.kinds.contains(kind) }) else {
      throw Diagnostic(.error, "the chart kind '\(kind.rawValue)' is not drawn yet")
    }
    return try drawer.draw(kind, data: data, options: options, settings: settings)
  }
}
