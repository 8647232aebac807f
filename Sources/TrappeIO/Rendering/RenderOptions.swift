import TrappeBase

/// Settings that control how ``BoxRenderer`` draws a table.
package struct RenderOptions: Sendable, Equatable {
  /// The widest the whole box may be, in terminal columns.
  ///
  /// Boxes narrower than about 9 columns cannot show any column and may exceed it.
  package var maxWidth: Int
  /// The number of rows shown before the middle rows are elided; 0 shows every row.
  package var maxRows: Int
  /// How numbers are spelled.
  package var locale: NumberLocale
  /// Whether to style the header (bold), the type row and nulls (dim) with ANSI escapes.
  package var color: Bool
  /// The text shown in place of a null value.
  var nullText: String
  /// The widest a column may be, in terminal columns; longer cells end in `…`.
  var maxColumnWidth: Int
  /// Whether to draw with ASCII only (`.charset ascii`): `+-|` borders and `...`.
  package var ascii: Bool = false
  /// Headers, decimals and words the session sets (`label`, `format`, `.lang`); display only.
  package var display = DisplayLabels()

  /// Creates options; every parameter has a default suited to an 80-column terminal.
  package init(
    maxWidth: Int = 80,
    maxRows: Int = 40,
    locale: NumberLocale = .plain,
    color: Bool = false,
    nullText: String = "NULL",
    maxColumnWidth: Int = 40
  ) {
    self.maxWidth = maxWidth
    self.maxRows = maxRows
    self.locale = locale
    self.color = color
    self.nullText = nullText
    self.maxColumnWidth = maxColumnWidth
  }
}
