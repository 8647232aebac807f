import TrappeStorage

/// How ``CSVReader`` splits, decodes and types a CSV file.
package struct CSVReadOptions: Sendable, Equatable {
  /// The field delimiter; nil sniffs among `,`, `;` and tab.
  package var delimiter: UInt8?
  /// The text encoding of the file.
  package var encoding: TextEncoding
  /// The decimal separator of numeric cells.
  package var decimalSeparator: DecimalSeparator
  /// Whether the first record names the columns (otherwise `column1`, `column2`, ...).
  package var hasHeader: Bool
  /// Column name → type, forcing the type instead of inferring it.
  package var typeOverrides: [String: DataType]
  /// Cell texts read as NULL, whether quoted or not.
  var nullTokens: [String]

  /// Creates options; the defaults detect delimiter, encoding and decimal separator.
  package init(
    delimiter: UInt8? = nil, encoding: TextEncoding = .auto,
    decimalSeparator: DecimalSeparator = .auto, hasHeader: Bool = true,
    typeOverrides: [String: DataType] = [:], nullTokens: [String] = ["", ".."]
  ) {
    self.delimiter = delimiter
    self.encoding = encoding
    self.decimalSeparator = decimalSeparator
    self.hasHeader = hasHeader
    self.typeOverrides = typeOverrides
    self.nullTokens = nullTokens
  }
}
