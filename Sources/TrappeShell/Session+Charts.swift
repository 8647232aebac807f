import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts

extension Session {
  /// Draws a result as a chart, followed by the same footer lines a table gets.
  ///
  /// In a terminal the chart and its footer fit the screen's height (with the command line
  /// above and the prompt below): the plot shrinks rather than scroll its top away.
  func showChart(_ table: Table, spec: ChartSpec, source: SourceText, footer: ResultFooter, context: ChartContext = ChartContext())
    throws(Diagnostic)
  {
    let options = try ChartOptions(spec, columns: table.schema.names, source: source)
    var height = max(8, min(24, settings.effectiveWidth / 5))
    if let limit = settings.outputHeight { height = max(4, min(height, limit)) }
    var chartSettings = ChartSettings(
      width: settings.effectiveWidth, height: height, locale: settings.locale,
      charset: settings.charset, color: settings.color,
      maxLines: settings.terminalHeight.map { $0 - footer.lines(settings.footer).count - (settings.timer ? 3 : 2) })
    for name in table.schema.names where settings.display.header(for: name) != name {
      chartSettings.titles[name] = settings.display.header(for: name)
    }
    // A bar chart draws a line per drawn row: its text is at most (those lines + the frame's
    // lines) lines of the width, each character up to 4 bytes, held twice (lines and joined text).
    let lines = ChartRenderer.linesToDraw(table, options: options, height: height)
    let cells = MemoryBudget.product(lines + height + 16, settings.effectiveWidth + 1)
    do throws(ExecutionStop) {
      try MemoryBudget.require(
        MemoryBudget.product(cells, 8), for: "chart", detail: "\(MemoryBudget.describeRows(cells)) cells")
    } catch {
      if case .overBudget(let overrun) = error {
        let written = overrun.naming("`\(source[spec.range])`").diagnostic
        throw source.diagnostic(written.message, at: spec.range, hints: written.hints)
      }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
    let model: ChartModel
    let text: String
    do throws(Diagnostic) {
      model = try ChartModel.resolve(
        Session.terminalSafe(table), options: options, context: context, charset: settings.charset,
        titles: chartSettings.titles)
      text = try ChartRenderer.render(model, settings: chartSettings)
    } catch {
      if Interrupt.isRequested { throw ChartRenderer.interrupted }
      throw source.diagnostic(error.message, at: spec.range, hints: error.hints)
    }
    output.standard(text.hasSuffix("\n") ? text : text + "\n")
    for line in footer.lines(settings.footer) { output.standard(TerminalText.truncate(line, to: settings.effectiveWidth) + "\n") }
    for recorder in recorders {
      recorder.add(chart: text, model: model, footer: footer, locale: settings.locale)
    }
  }

  /// What a chart knows of its result: the query (its default title), the last analysis and
  /// the unit of its measure (for a gap over several measures, their unit when they share one).
  func chartContext(_ pipeline: Pipeline, chart: ChartSpec, table: Table, source: SourceText) -> ChartContext {
    let before = source[SourceRange(pipeline.range.lower, chart.range.lower)]
    var query = before.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    while query.hasSuffix("|") || query.hasSuffix(" ") { query.removeLast() }
    var context = ChartContext(query: query.isEmpty ? nil : query)
    let analyses = pipeline.stages.compactMap { stage -> AnalysisSpec? in
      if case .analysis(let spec) = stage.kind { return spec }
      return nil
    }
    guard let analysis = analyses.last else { return context }
    context.analysis = analysis.keyword
    if case .column(let name, nil)? = analysis.positional.first?.kind, let unit = measures.unit(of: name) {
      context.unit = unit
    } else if let i = table.schema.index(of: "maal"), case .string = table.columns[i] {
      let names = Set((0..<table.rowCount).compactMap { table.columns[i].value(at: $0).isNull ? nil : table.columns[i].value(at: $0).description })
      let units = Set(names.map { measures.unit(of: $0) ?? "" })
      if units.count == 1, let unit = units.first, !unit.isEmpty { context.unit = unit }
    }
    return context
  }

  /// `table` with control and bidirectional characters in its text values spelled visibly
  /// (``TerminalSafe``), so chart labels drawn from data cannot move the cursor or reorder a
  /// line. Only the dictionaries of string columns that need it are rewritten.
  static func terminalSafe(_ table: Table) -> Table {
    var columns = table.columns
    var changed = false
    for (i, column) in columns.enumerated() {
      guard case .string(var strings) = column,
        strings.dictionary.contains(where: { $0.unicodeScalars.contains(where: TerminalSafe.needsEscape) })
      else { continue }
      strings.dictionary = strings.dictionary.map { TerminalSafe.escaped($0) }
      columns[i] = .string(strings)
      changed = true
    }
    return changed ? Table(schema: table.schema, columns: columns) : table
  }
}
