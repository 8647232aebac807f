import TrappeBase

/// The drawing surface: its size, number style, characters and colour.
package struct ChartSettings: Sendable, Equatable {
  /// Total width in terminal columns.
  var width: Int
  /// Height in lines for charts that have one (line, column, scatter, histogram).
  var height: Int
  var locale: NumberLocale
  var charset: ChartCharset
  /// Whether ANSI colour may be used (charts stay readable without it).
  var color: Bool
  /// The most lines the whole chart may take (the terminal's height less the footer and the
  /// prompt); nil draws the plot `height` rows high whatever its total.
  package var maxLines: Int?
  /// Column name → the title shown for it on axes and legends (`label`, `.lang da`); display only.
  package var titles: [String: String] = [:]

  package init(width: Int = 80, height: Int = 16, locale: NumberLocale = .plain, charset: ChartCharset = .unicode, color: Bool = false, maxLines: Int? = nil) {
    self.maxLines = maxLines
    self.width = width
    self.height = height
    self.locale = locale
    self.charset = charset
    self.color = color
  }
}
