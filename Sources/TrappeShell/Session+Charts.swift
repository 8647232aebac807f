import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeCharts

extension Session {
  /// Draws a result as a chart, followed by the same footer lines a table gets.
  func showChart(_ table: Table, spec: ChartSpec, source: SourceText, footer: [String]) throws(Diagnostic) {
    let options = try ChartOptions(spec, columns: table.schema.names, source: source)
    let chartSettings = ChartSettings(
      width: settings.effectiveWidth, height: max(8, min(24, settings.effectiveWidth / 5)), locale: settings.locale,
      charset: settings.charset, color: settings.color)
    let text: String
    do throws(Diagnostic) {
      text = try ChartRenderer.render(Session.terminalSafe(table), options: options, settings: chartSettings)
    } catch {
      throw source.diagnostic(error.message, at: spec.range, hints: error.hints)
    }
    say(text)
    for line in footer { say(TerminalText.truncate(line, to: settings.effectiveWidth)) }
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
