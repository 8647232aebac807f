import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeAnalysis
import TrappeDatasets

/// One analysis session: the catalog of tables, the display settings and the command dispatcher.
///
/// The interactive shell, batch mode, scripts and the golden tests all drive a
/// session through ``run(_:origin:)``, so they behave the same way.
package final class Session {
  /// The tables: named ones and numbered results, each with its provenance and count roles.
  var catalog = Catalog()
  /// Display settings.
  package var settings: SessionSettings
  /// Where results and diagnostics go.
  let output: SessionOutput
  /// Set by `.quit`: the status to exit with.
  var pendingExit: Int32?
  /// Nesting depth of `.read`, to stop a script that reads itself.
  var readDepth = 0
  /// The Markdown record being written (`.record FILE.md`), if any.
  var recording: Recording?
  /// The HTML report being written (`.report FILE.html`), if any.
  var report: Recording?
  /// The record and the report being written.
  var recorders: [Recording] { [recording, report].compactMap { $0 } }
  /// The script being run at the top level (for the record's header).
  var currentScript: String?
  /// The folders of the scripts being run, innermost last; relative paths resolve against it.
  var scriptDirectories: [String] = []
  /// The folder other relative paths are taken from; nil uses the process's current directory.
  package var workingDirectory: String?
  /// The datasets that load on first use (`Datasets/` and `--data` directories).
  package let datasets: DatasetRegistry
  /// The measures: built-in Ny Chance measures plus `measure` statements.
  let measures = MeasureRegistry()
  /// The comparison groups saved with `peers ... as NAME`.
  let savedGroups = SavedGroups()
  /// The footer of the last query's result, which `.notes` prints in full.
  var lastFooter: ResultFooter?
  /// Script parameters: `.set NAME VALUE` or `trappe SCRIPT NAME=VALUE`, used as `$NAME`.
  var parameters: [String: String] = [:]
  /// The shell's successful statements (`.history`, `.rerun`), kept by ``runInteractive(_:)``.
  package var history = CommandHistory()
  /// The engine `.engine` attached (DuckDB, Spark), whose tables pipelines name `PREFIX.TABLE`.
  var engine: AttachedEngine?

  /// Every query result so far: `out1`, `out2`, ...; `_` is the last.
  var results: [Table] { catalog.results.map(\.table) }

  /// Creates a session with an empty catalog.
  package init(
    settings: SessionSettings = SessionSettings(), output: SessionOutput, datasets: DatasetRegistry = DatasetRegistry()
  ) {
    self.settings = settings
    self.output = output
    self.datasets = datasets
  }

  /// Runs one statement (a meta command line or a query) and prints its result.
  ///
  /// Errors are printed as diagnostics placed at `origin`; the catalog is
  /// left unchanged by a failed statement.
  @discardableResult
  package func run(_ text: String, origin: InputOrigin = InputOrigin()) -> StatementOutcome {
    // Long pipelines recurse deeply (one level per stage): run on a thread with room for them.
    DeepStack.run { runHere(text, origin: origin) }
  }

  /// ``run(_:origin:)`` on the current thread's stack.
  private func runHere(_ text: String, origin: InputOrigin) -> StatementOutcome {
    let stopwatch = Stopwatch()
    var outcome = StatementOutcome.success
    let trimmed = text.trimmingLeadingWhitespace()
    let recordThis = !recorders.isEmpty && !trimmed.hasPrefix(".record") && !trimmed.hasPrefix(".report")
    if recordThis { for recorder in recorders { recorder.begin(text) } }
    do {
      try execute(try substitutingParameters(in: text))
    } catch {
      let placed = place(error, in: text, origin: origin)
      if !placed.alreadyReported {
        output.error(wrappedForTerminal(placed.rendered(color: settings.color)))
        if recordThis { for recorder in recorders { recorder.add(text: placed.rendered()) } }
      }
      outcome = .failure(placed)
    }
    if recordThis {
      for recorder in recorders { recorder.end() }
      saveRecording()
    }
    if settings.timer {
      output.standard(stopwatch.report() + "\n")
    }
    if let code = pendingExit {
      pendingExit = nil
      return .exit(code)
    }
    return outcome
  }

  /// Dispatches a statement to a meta command or to the query engine.
  func execute(_ text: String) throws(Diagnostic) {
    let trimmed = text.trimmingLeadingWhitespace()
    if trimmed.hasPrefix(".") {
      try runMetaCommand(text)
    } else if !Session.isOnlyComments(text) {
      try runQuery(text)
    }
  }

  /// Moves a diagnostic from statement-relative positions to `origin`, filling the source line.
  func place(_ diagnostic: Diagnostic, in text: String, origin: InputOrigin) -> Diagnostic {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let location = diagnostic.location else {
      return origin.file == nil
        ? diagnostic
        : diagnostic.relocated(
          file: origin.file, line: origin.line, sourceLine: lines.first.map(String.init))
    }
    if location.file != nil { return diagnostic }  // already names its own file (e.g. a CSV)
    let index = max(0, min(lines.count - 1, location.line - 1))
    var placed = diagnostic
    placed.location = SourceLocation(
      file: origin.file, line: origin.line + index, column: location.column)
    if placed.sourceLine == nil || lines.count > 1 {
      placed.sourceLine = lines.isEmpty ? nil : String(lines[index])
    }
    return placed
  }

  /// Prints a query's result with its footer in the session's ``FooterStyle``; the record gets
  /// the short line and the notes (once per section).
  func show(_ table: Table, footer: ResultFooter, suppressed: SuppressionMask, roles: [CountRole] = [], units: [String?] = []) {
    let lines = footer.lines(settings.footer)
    let text = render(
      table, footer: lines, suppressed: suppressed, roles: roles, units: units, illustrative: footer.illustrative)
    standardOrPager(text)
    if [.csv, .tsv, .json].contains(settings.format), footer.illustrative {
      output.error(Session.illustrativeNotice + "\n")
    }
    for recorder in recorders {
      recorder.add(table: table, suppressed: suppressed, footer: footer, locale: settings.locale, headers: settings.display)
    }
  }

  /// Prints a result table in the current output format, with the `suppressed` cells hidden.
  ///
  /// Box output prints the footer under the table. The other formats keep standard output
  /// machine-readable, but a table of generated data is never shown unlabelled: Markdown gets
  /// the label as an italic line under the table, CSV, TSV and JSON on the diagnostic stream.
  /// Listings (`.tables`) pass `allRows` so that `.maxrows` never hides a line of them.
  func show(
    _ table: Table, footer: [String] = [], suppressed: SuppressionMask = SuppressionMask(), allRows: Bool = false,
    roles: [CountRole] = [], numbersRight: Set<Int> = [], units: [String?] = []
  ) {
    let text = render(
      table, footer: footer, suppressed: suppressed, allRows: allRows, roles: roles, numbersRight: numbersRight,
      units: units)
    standardOrPager(text)
    if [.csv, .tsv, .json].contains(settings.format), footer.contains(Session.illustrativeNotice) {
      output.error(Session.illustrativeNotice + "\n")
    }
    for recorder in recorders {
      recorder.add(table: table, suppressed: suppressed, lines: footer, locale: settings.locale, headers: settings.display)
    }
  }

  /// Prints `text` on standard output, or through the pager (`.pager on`) when it is taller
  /// than the terminal.
  private func standardOrPager(_ text: String) {
    if !(settings.pager && settings.terminalOutput && tallerThanScreen(text) && Pager.page(text)) {
      output.standard(text)
    }
  }

  /// Renders a table in the current output format, with the `suppressed` cells hidden; on a
  /// terminal, control and bidirectional characters of every format are shown escaped.
  func render(
    _ table: Table, footer: [String] = [], suppressed: SuppressionMask = SuppressionMask(), allRows: Bool = false,
    roles: [CountRole] = [], numbersRight: Set<Int> = [], units: [String?] = [], illustrative: Bool? = nil
  ) -> String {
    let text = renderExact(
      table, footer: footer, suppressed: suppressed, allRows: allRows, roles: roles, numbersRight: numbersRight,
      units: units, illustrative: illustrative ?? footer.contains(Session.illustrativeNotice))
    return settings.terminalOutput && settings.format != .box ? TerminalSafe.escaped(text, keepingLayout: true) : text
  }

  /// The rendering of ``render(_:footer:suppressed:)`` before terminal escaping.
  private func renderExact(
    _ table: Table, footer: [String], suppressed: SuppressionMask, allRows: Bool, roles: [CountRole],
    numbersRight: Set<Int>, units: [String?], illustrative: Bool
  ) -> String {
    switch settings.format {
    case .box:
      var options = RenderOptions()
      options.maxWidth = settings.tableWidth
      options.maxRows = allRows ? 0 : settings.maxRows
      options.locale = settings.locale
      options.color = settings.color
      options.ascii = settings.charset == .ascii
      options.display = settings.display
      let renderer = BoxRenderer(options: options)
      return renderer.render(
        table, footer: footer, suppressed: suppressed, roles: roles, numbersRight: numbersRight, units: units) + "\n"
    case .markdown:
      var options = ExportOptions()
      if illustrative { options.notice = Session.illustrativeNotice }
      // The footer (provenance, N, filters) travels with the table as italic lines; the label is
      // the exporter's last line.
      let lines = footer.filter { $0 != Session.illustrativeNotice }.map { "*" + ExportNotice.markdownEscaped($0) + "*" }
      var plain = ExportOptions()
      plain.headers = settings.display
      let text = TableExporter.export(table, format: .markdown, options: plain, suppressed: suppressed)
      guard !lines.isEmpty || options.notice != nil else { return text }
      return text + "\n" + lines.map { $0 + "  \n" }.joined() + (options.notice.map { "*" + $0 + "*\n" } ?? "")
    case .csv:
      return TableExporter.export(table, format: .csv, options: ExportOptions(), suppressed: suppressed)
    case .tsv:
      return TableExporter.export(table, format: .tsv, options: ExportOptions(), suppressed: suppressed)
    case .json:
      return TableExporter.export(table, format: .json, options: ExportOptions(), suppressed: suppressed)
    }
  }

  /// Whether `text` has more lines than fit the terminal under the prompt.
  func tallerThanScreen(_ text: String) -> Bool {
    guard let height = settings.terminalHeight else { return false }
    var lines = 0
    for byte in text.utf8 where byte == 10 { lines += 1 }
    return lines > max(1, height - 1)
  }

  /// Prints a line of results.
  func say(_ text: String) {
    output.standard(text.hasSuffix("\n") ? text : text + "\n")
    for recorder in recorders { recorder.add(text: text) }
  }

  /// Prints a notice on the diagnostic stream (e.g. "loaded t: 98 rows").
  func notice(_ text: String) {
    output.error(text.hasSuffix("\n") ? text : text + "\n")
    for recorder in recorders { recorder.add(text: text) }
  }
}
