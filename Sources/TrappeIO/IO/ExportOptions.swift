import TrappeBase

/// Choices that change how ``TableExporter`` writes cells.
package struct ExportOptions: Sendable, Equatable {
  /// Prefix text cells that start with `=`, `+`, `-`, `@`, tab or CR with `'`,
  /// so spreadsheets do not run them as formulas.
  package var protectFormulas: Bool
  /// Write decimals with a comma (`12,5`); CSV then uses `;` as the delimiter.
  package var decimalComma: Bool

  /// Round decimals as tables show them (at most 4 decimals), for reports; exports keep every digit.
  var displayPrecision: Bool
  /// Spell numbers as tables show them in this locale (`1.234,5` in Danish), for records and
  /// reports; nil writes plain numbers.
  package var locale: NumberLocale? = nil
  /// Where the table's data came from, written with it in Markdown (an italic line) and JSON
  /// (a "source" field); nil writes none.
  package var source: String? = nil
  /// A notice written with the table (see ``ExportNotice``): the illustrative label; nil writes none.
  package var notice: String? = nil
  /// Header labels, decimals and words for Markdown (reports and records); CSV, TSV and JSON ignore them.
  package var headers = DisplayLabels()

  /// Creates options; by default formulas are protected, decimals use a point and keep every digit.
  package init(
    protectFormulas: Bool = true, decimalComma: Bool = false, displayPrecision: Bool = false,
    headers: DisplayLabels = DisplayLabels()
  ) {
    self.headers = headers
    self.protectFormulas = protectFormulas
    self.decimalComma = decimalComma
    self.displayPrecision = displayPrecision
  }
}
