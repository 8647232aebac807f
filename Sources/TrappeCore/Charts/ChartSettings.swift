/// The drawing surface: its size, number style, characters and colour.
public struct ChartSettings: Sendable, Equatable {
  /// Total width in terminal columns.
  public var width: Int
  /// Height in lines for charts that have one (line, column, scatter, histogram).
  public var height: Int
  public var locale: NumberLocale
  public var charset: ChartCharset
  /// Whether ANSI colour may be used (charts stay readable without it).
  public var color: Bool

  public init(width: Int = 80, height: Int = 16, locale: NumberLocale = .plain, charset: ChartCharset = .unicode, color: Bool = false) {
    self.width = width
    self.height = height
    self.locale = locale
    self.charset = charset
    self.color = color
  }
}
