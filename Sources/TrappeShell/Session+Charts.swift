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
      text = try ChartRenderer.render(table, options: options, settings: chartSettings)
    } catch {
      if Interrupt.isRequested { throw ChartRenderer.interrupted }
      throw source.diagnostic(error.message, at: spec.range, hints: error.hints)
    }
    say(text)
    for line in footer { say(TerminalText.truncate(line, to: settings.effectiveWidth)) }
  }
}
