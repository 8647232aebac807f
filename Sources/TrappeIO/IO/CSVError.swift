import TrappeBase
import TrappeStorage

/// Why ``CSVReader`` could not load a file.
package enum CSVError: Error, Sendable, Equatable {
  /// The file could not be opened; `reason` is the system's explanation.
  case cannotOpen(file: String, reason: String)
  /// The file was opened but reading it failed.
  case cannotRead(file: String, reason: String)
  /// The path is a device, socket or other thing that is not a file (`kind` says which).
  case notAFile(file: String, kind: String)
  /// The file is a known binary format or not text at all: `what` names it, `hint` says what to do.
  case notText(file: String, what: String, hint: String)
  /// Reading the file would need more memory than the budget leaves.
  case overBudget(MemoryOverrun)
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
  /// The file is UTF-8 (it holds valid multi-byte sequences) but also a byte that is not:
  /// neither reading (UTF-8 or Windows-1252) would keep all of its text.
  case mixedEncoding(CSVPosition, byte: UInt8)
  /// A UTF-16 file (with a byte order mark) holds a lone surrogate at byte `offset`.
  case undecodableUTF16(file: String, offset: Int, bigEndian: Bool)
  /// A cell cannot be converted to the type its column was forced to.
  case badValue(CSVPosition, column: String, value: String, type: DataType)
  /// A type override names a column the file does not have.
  case unknownColumn(file: String, name: String, suggestion: String?)
  /// The user pressed Ctrl-C while the file was loading.
  case interrupted(file: String)
}
