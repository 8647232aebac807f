import TrappeStorage

/// Why ``CSVReader`` could not load a file.
package enum CSVError: Error, Sendable, Equatable {
  /// The file could not be opened; `reason` is the system's explanation.
  case cannotOpen(file: String, reason: String)
  /// The file was opened but reading it failed.
  case cannotRead(file: String, reason: String)
  /// The file holds no records at all.
  case emptyFile(file: String)
  /// A quoted field has no closing quote; the position is the opening quote.
  case unterminatedQuote(CSVPosition)
  /// A closing quote is followed by something other than a delimiter or line end.
  case textAfterQuote(CSVPosition, delimiter: UInt8)
  /// A record has `fields` fields but the header has `expected`.
  case raggedRow(CSVPosition, fields: Int, expected: Int, delimiter: UInt8)
  /// A byte is invalid in the encoding that was tried.
  case undecodableByte(CSVPosition, byte: UInt8, encoding: TextEncoding, autoDetected: Bool)
  /// A cell cannot be converted to the type its column was forced to.
  case badValue(CSVPosition, column: String, value: String, type: DataType)
  /// A type override names a column the file does not have.
  case unknownColumn(file: String, name: String, suggestion: String?)
  /// The user pressed Ctrl-C while the file was loading.
  case interrupted(file: String)
}
