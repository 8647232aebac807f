import TrappeBase
import TrappeStorage
import TrappeIO

/// Draws a result table as a chart: checks the options, infers the kind and roles, dispatches.
package enum ChartRenderer {
  /// About how many lines `render` draws for `table`, to estimate its memory: one per drawn row
  /// for the kinds that draw a mark per row (at most the `rows=` cap unless `top=` is given),
  /// the plot's height for the kinds that draw into a fixed area.
  package static func linesToDraw(_ table: Table, options: ChartOptions, height: Int) -> Int {
    let kind = options.kind ?? inferKind(table, options: options)
    guard ChartKind.capped.contains(kind) else { return options.height ?? height }
    return options.top == nil ? min(table.rowCount, options.rows ?? ChartOptions.defaultRows) : table.rowCount
  }

  /// The chart as lines of text (no trailing newline).
  package static func render(_ table: Table, options: ChartOptions, settings: ChartSettings) throws(Diagnostic)
    -> String
  {
    var settings = settings
    if let width = options.width { settings.width = width }
    if let height = options.height { settings.height = height }
    let kind = options.kind ?? inferKind(table, options: options)
    // A bar-like chart draws one mark per row: past the cap it draws the first rows only.
    let cap = options.rows ?? ChartOptions.defaultRows
    var input = table
    var leftOut = 0
    if options.top == nil, ChartKind.capped.contains(kind), table.rowCount > cap {
      input = try interruptible { () throws(ExecutionStop) in
        let rows = (0..<Int32(cap)).map { $0 }
        var columns: [Column] = []
        for column in table.columns { columns.append(try column.gather(rows, polling: Interrupt.check)) }
        return Table(schema: table.schema, columns: columns)
      }
      leftOut = table.rowCount - cap
    }
    var data = try ChartRoles.data(for: kind, table: input, options: options)
    data.applyTitles(settings.titles)
    try interruptible { () throws(ExecutionStop) in try Interrupt.check() }
    let nonFinite = data.removeNonFinite()
    guard data.count > 0 else {
      return "(no rows to chart)"
    }
    var lines: [String] = []
    if let title = options.title { lines.append(TerminalText.truncate(title, to: settings.width)) }
    lines += try draw(kind, data: data, options: options, settings: settings)
    // The canvases stop drawing on Ctrl-C: a half-drawn chart is not shown.
    try interruptible { () throws(ExecutionStop) in try Interrupt.check() }
    if leftOut > 0 {
      let note = "\(NumberFormatting.format(Int64(leftOut), locale: settings.locale)) of "
        + "\(NumberFormatting.format(Int64(table.rowCount), locale: settings.locale)) rows left out: the chart draws the "
        + "first \(NumberFormatting.format(Int64(cap), locale: settings.locale)); rows=N draws more, top=N the N largest"
      lines += TerminalText.wrapIfNeeded(note, width: settings.width)
    }
    if nonFinite > 0 {
      let note = nonFinite == 1
        ? "1 value that is not a finite number (inf or NaN) left out"
        : "\(nonFinite) values that are not finite numbers (inf or NaN) left out"
      lines += TerminalText.wrapIfNeeded(note, width: settings.width)
    }
    return lines.joined(separator: "\n")
  }

  /// The message of a chart stopped by Ctrl-C; the shell passes it on without a caret.
  package static let interrupted = Diagnostic(.error, "interrupted: the chart was not drawn")

  /// Runs `work`, turning Ctrl-C into ``interrupted``.
  static func interruptible<T>(_ work: () throws(ExecutionStop) -> T) throws(Diagnostic) -> T {
    do throws(ExecutionStop) {
      return try work()
    } catch {
      throw interrupted
    }
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
