import TrappeStorage

/// A table read by ``CSVReader`` plus what was detected about the file.
package struct CSVReadResult: Sendable, Equatable {
  /// The loaded table.
  package var table: Table
  /// The delimiter used (given or sniffed).
  package var delimiter: UInt8
  /// The encoding used: `.utf8`, `.latin1` or `.windows1252`, never `.auto`.
  package var encoding: TextEncoding
  /// The decimal separator used: `.point` or `.comma`, never `.auto`.
  package var decimalSeparator: DecimalSeparator
  /// The number of data rows (excluding the header).
  var rowCount: Int
  /// Whether the file starts with the illustrative label a `.save` of generated data writes
  /// (``ExportNotice``): the line is not data, and the table is illustrative.
  package var illustrativeNotice = false
  /// What the reader noticed and did about the file's form, for a `note:` line each
  /// (UTF-16 converted, CR line ends, read as Windows-1252).
  package var notes: [String] = []
  /// Cells that did not load as written, for a `warning:` line each (integers beyond 64 bits
  /// kept as text, doubles out of range).
  package var warnings: [String] = []
  /// `UTF-16 LE` or `UTF-16 BE` when the file was UTF-16 (``encoding`` is then the UTF-8 it
  /// was converted to, and SQL readers given the file itself would misread it).
  package var utf16: String?

  /// Creates a result.
  init(
    table: Table, delimiter: UInt8, encoding: TextEncoding, decimalSeparator: DecimalSeparator,
    rowCount: Int
  ) {
    self.table = table
    self.delimiter = delimiter
    self.encoding = encoding
    self.decimalSeparator = decimalSeparator
    self.rowCount = rowCount
  }
}
