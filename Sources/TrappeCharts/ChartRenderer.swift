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

  /// The chart as lines of text (no trailing newline), drawn from ``ChartModel/resolve(_:options:context:charset:)``.
  ///
  /// With `settings.maxLines` (the terminal's height less the footer), the plot of a line,
  /// step, column, scatter or funnel chart shrinks (to 5 rows at least) so that the title,
  /// the y-axis top and the target stay on the screen.
  package static func render(
    _ table: Table, options: ChartOptions, settings: ChartSettings, context: ChartContext = ChartContext()
  ) throws(Diagnostic) -> String {
    try render(
      ChartModel.resolve(table, options: options, context: context, charset: settings.charset, titles: settings.titles),
      settings: settings)
  }

  /// The chart of an already resolved `model` as lines of text (see above); the caller that
  /// also draws it elsewhere (the report's SVG) resolves it once for both.
  package static func render(_ model: ChartModel, settings: ChartSettings) throws(Diagnostic) -> String {
    let options = model.options
    var settings = settings
    if let width = options.width { settings.width = width }
    if let height = options.height { settings.height = height }
    guard model.data.count > 0 else {
      return "(no rows to chart)"
    }
    var lines = try self.lines(model, settings: settings)
    if let maxLines = settings.maxLines, options.height == nil, lines.count > maxLines,
      ChartKind.fixedHeight.contains(model.kind)
    {
      let smaller = Swift.max(minimumPlotRows, settings.height - (lines.count - maxLines))
      if smaller < settings.height {
        settings.height = smaller
        lines = try self.lines(model, settings: settings)
      }
    }
    return lines.map(BarLayout.trimmed).joined(separator: "\n")
  }

  /// The fewest plot rows a chart shrinks to when fitting the terminal's height.
  static let minimumPlotRows = 5

  /// The chart's lines: title, the drawn chart, then notes on rows and values left out.
  static func lines(_ model: ChartModel, settings: ChartSettings) throws(Diagnostic) -> [String] {
    var lines: [String] = []
    if let title = model.data.title, !title.isEmpty {
      lines.append(TerminalText.truncate(title, to: settings.width))
    }
    lines += try draw(model.kind, data: model.data, options: model.options, settings: settings)
    // The canvases stop drawing on Ctrl-C: a half-drawn chart is not shown.
    try interruptible { () throws(ExecutionStop) in try Interrupt.check() }
    if model.leftOut > 0 {
      let locale = settings.locale
      let cap = model.totalRows - model.leftOut
      let note = "\(NumberFormatting.format(Int64(model.leftOut), locale: locale)) of "
        + "\(NumberFormatting.format(Int64(model.totalRows), locale: locale)) rows left out: the chart draws the "
        + "first \(NumberFormatting.format(Int64(cap), locale: locale)); rows=N draws more, top=N the N largest"
      lines += TerminalText.wrapIfNeeded(note, width: settings.width)
    }
    if model.nonFinite > 0 {
      let note = model.nonFinite == 1
        ? "1 value that is not a finite number (inf or NaN) left out"
        : "\(model.nonFinite) values that are not finite numbers (inf or NaN) left out"
      lines += TerminalText.wrapIfNeeded(note, width: settings.width)
    }
    if let choice = model.defaultChoice {
      lines += TerminalText.wrapIfNeeded("default for this result: \(choice)", width: settings.width)
    }
    return lines
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
