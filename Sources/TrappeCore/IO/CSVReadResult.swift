/// A table read by ``CSVReader`` plus what was detected about the file.
public struct CSVReadResult: Sendable, Equatable {
  /// The loaded table.
  public var table: Table
  /// The delimiter used (given or sniffed).
  public var delimiter: UInt8
  /// The encoding used: `.utf8`, `.latin1` or `.windows1252`, never `.auto`.
  public var encoding: TextEncoding
  /// The decimal separator used: `.point` or `.comma`, never `.auto`.
  public var decimalSeparator: DecimalSeparator
  /// The number of data rows (excluding the header).
  public var rowCount: Int

  /// Creates a result.
  public init(
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
