
/// A dictionary-encoded column of UTF-8 strings.
///
/// Each row stores a 32-bit code into ``dictionary``, which holds every distinct
/// string once. Equality, grouping and joins work on the codes; the strings are
/// only touched for display, sorting and string functions.
package struct StringColumn: Sendable, Equatable {
  /// One dictionary code per row; code 0 stands in null slots.
  package var codes: [UInt32]
  /// The distinct strings, indexed by code.
  package var dictionary: [String]
  /// Which rows hold a value.
  package var validity: ValidityMask

  /// Creates a column from codes, a dictionary and a validity mask.
  package init(codes: [UInt32], dictionary: [String], validity: ValidityMask) {
    precondition(codes.count == validity.count, "codes and validity differ in length")
    self.codes = codes
    self.dictionary = dictionary
    self.validity = validity
  }

  /// Creates a column from optional strings, encoding them.
  package init(_ strings: [String?]) {
    var builder = StringColumnBuilder()
    for string in strings {
      if let string { builder.append(string) } else { builder.appendNull() }
    }
    self = builder.finish()
  }

  /// The number of rows.
  package var count: Int { codes.count }

  /// The string at `row`, or nil when the row is null.
  package subscript(row: Int) -> String? {
    validity.isValid(row) ? dictionary[Int(codes[row])] : nil
  }

  /// Bytes used by the codes, the dictionary and the bitmap.
  package var byteCount: Int { codes.count * 4 + dictionaryByteCount + validity.byteCount }

  /// Bytes of the dictionary: 16 per entry (a String), and for a string longer than 15 UTF-8
  /// bytes (shorter ones are stored inside those 16) its own buffer: a 32-byte header, the text
  /// and a terminating zero.
  package var dictionaryByteCount: Int {
    var bytes = 0
    for s in dictionary {
      let length = s.utf8.count
      bytes += 16 + (length > 15 ? 32 + length + 1 : 0)
    }
    return bytes
  }
}
