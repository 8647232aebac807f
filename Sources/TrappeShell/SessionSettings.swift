import TrappeBase
import TrappeCharts
import TrappeIO

/// The display settings of a session, changed by `.mode`, `.width`, `.maxrows`, `.locale`, `.timer` and `.suppress`.
package struct SessionSettings: Sendable, Equatable {
  /// How results are printed.
  package var format: OutputFormat = .box
  /// The width results must fit, in terminal columns; nil follows the terminal.
  package var width: Int? = nil
  /// The terminal's width (or `COLUMNS`, or 80) when ``width`` is nil.
  package var terminalWidth: Int = 80
  /// The most lines a chart's plot may take (`--present` fits each step to the screen); nil: no limit.
  package var outputHeight: Int? = nil
  /// The terminal's height in lines when the shell runs in one (charts fit it); nil otherwise.
  package var terminalHeight: Int? = nil
  /// Rows shown before the middle of a result is elided; 0 shows all.
  var maxRows: Int = 40
  /// How numbers are spelled in box output.
  var locale: NumberLocale = .plain
  /// Which characters charts use (`.charset`).
  var charset: ChartCharset = .unicode
  /// Whether to print the run time after each command.
  var timer: Bool = false
  /// Whether analyses add their 95 % intervals (`.ci on`), as the `ci` flag of a stage does.
  var intervals: Bool = false
  /// Counts below this (and the ratios built on them) are shown as `<N`; nil shows everything.
  var suppressBelow: Int? = nil
  /// How much the lines under a result say (`.footer`); `--present` and reports use short.
  package var footer: FooterStyle = .full
  /// Whether output may contain ANSI colour (stdout is a terminal and `NO_COLOR` is unset).
  package var color: Bool = false
  /// Whether stdout is a terminal: then CSV, TSV, JSON and Markdown output shows control and
  /// bidirectional characters from the data escaped (`\u{1B}`); files and pipes get them exact.
  package var terminalOutput: Bool = false
  /// Column labels, decimals and the language of analysis words (`label`, `format`, `.lang`).
  package var display = DisplayLabels()

  /// Whether tables are drawn whole when ``width`` is nil: stdout is a file or a pipe, so
  /// nothing would wrap, and a log must not lose columns (charts still use ``terminalWidth``).
  package var unlimitedWidth: Bool = false
  /// The SQL dialect `explain sql` writes (`.sqldialect`).
  var sqlDialect: SQLDialectChoice = .duckdb
  /// Whether a result taller than the terminal opens in a pager (`.pager`; on in an interactive shell).
  package var pager: Bool = false

  /// Creates the default settings.
  package init() {}

  /// The width charts and other drawings are fitted to.
  var effectiveWidth: Int { width ?? terminalWidth }

  /// The width box tables are fitted to: ``width``, else unlimited for a file or pipe, else the terminal's.
  var tableWidth: Int { width ?? (unlimitedWidth ? SessionSettings.unlimited : terminalWidth) }

  /// The width that stands for "no limit".
  static let unlimited = 100_000
}
