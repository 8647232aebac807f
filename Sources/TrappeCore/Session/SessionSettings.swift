/// The display settings of a session, changed by `.mode`, `.width`, `.maxrows`, `.locale`, `.timer` and `.suppress`.
public struct SessionSettings: Sendable, Equatable {
  /// How results are printed.
  public var format: OutputFormat = .box
  /// The width results must fit, in terminal columns; nil follows the terminal.
  public var width: Int? = nil
  /// The terminal's width (or `COLUMNS`, or 80) when ``width`` is nil.
  public var terminalWidth: Int = 80
  /// Rows shown before the middle of a result is elided; 0 shows all.
  public var maxRows: Int = 40
  /// How numbers are spelled in box output.
  public var locale: NumberLocale = .plain
  /// Which characters charts use (`.charset`).
  public var charset: ChartCharset = .unicode
  /// Whether to print the run time after each command.
  public var timer: Bool = false
  /// Counts below this (and the ratios built on them) are shown as `<N`; nil shows everything.
  public var suppressBelow: Int? = nil
  /// Whether output may contain ANSI colour (stdout is a terminal and `NO_COLOR` is unset).
  public var color: Bool = false

  /// Creates the default settings.
  public init() {}

  /// The width results are fitted to.
  public var effectiveWidth: Int { width ?? terminalWidth }
}
