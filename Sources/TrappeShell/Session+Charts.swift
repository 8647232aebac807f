import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeCharts

extension Session {
  /// Draws a result as a chart, followed by the same footer lines a table gets.
  func showChart(_ table: Table, spec: ChartSpec, source: SourceText, footer: ResultFooter) throws(Diagnostic) {
    let options = try ChartOptions(spec, columns: table.schema.names, source: source)
    let height = max(8, min(24, settings.effectiveWidth / 5))
    let chartSettings = ChartSettings(
      width: settings.effectiveWidth, height: height, locale: settings.locale,
      charset: settings.charset, color: settings.color)
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
    let text: String
    do throws(Diagnostic) {
      text = try ChartRenderer.render(Session.terminalSafe(table), options: options, settings: chartSettings)
    } catch {
      if Interrupt.isRequested { throw ChartRenderer.interrupted }
      throw source.diagnostic(error.message, at: spec.range, hints: error.hints)
    }
    output.standard(text.hasSuffix("\n") ? text : text + "\n")
    for line in footer.lines(settings.footer) { output.standard(TerminalText.truncate(line, to: settings.effectiveWidth) + "\n") }
    for recorder in recorders {
      recorder.add(chart: text, table: table, options: options, footer: footer, locale: settings.locale)
    }
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
