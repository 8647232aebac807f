
/// The kinds of chart `chart KIND` draws.
package enum ChartKind: String, Sendable, CaseIterable {
  /// Horizontal bars, one per category (the default for one category and one value).
  case bar
  /// Horizontal bars split into series, side by side.
  case grouped
  /// Horizontal bars with the series stacked.
  case stacked
  /// Vertical columns.
  case column
  /// Lines over time, one per series.
  case line
  /// Lines that keep their value until the next x (survival curves: still on benefit by week).
  case step
  /// One-line trends per category (`▁▂▃▅▇`).
  case sparkline
  /// The distribution of one numeric column in bins.
  case histogram
  /// Points of two numeric columns.
  case scatter
  /// A grid coloured (shaded) by value, e.g. municipality × round or a flow table.
  case heatmap
  /// Box plots (median, quartiles, whiskers) per category.
  case box
  /// A rate by its denominator with 95 % and 99.8 % control limits around the pooled rate.
  case funnel
}

extension ChartKind {
  /// The kinds that draw one bar, column, line or grid row per row (or category), so a
  /// long result is cut to `rows=` (``ChartOptions/defaultRows``) rows. Line, scatter,
  /// histogram and box charts draw any number of rows into a fixed area.
  static let capped: Set<ChartKind> = [.bar, .grouped, .stacked, .column, .sparkline, .heatmap]
}

/// Which characters charts use.
package enum ChartCharset: String, Sendable {
  /// Unicode blocks and braille.
  case unicode
  /// Plain ASCII, for printers, old projectors and some terminals.
  case ascii
}

extension ChartKind {
  /// The kinds that draw into a plot of `height` rows, which shrinks to fit the terminal.
  static let fixedHeight: Set<ChartKind> = [.line, .step, .column, .scatter, .funnel]
}
