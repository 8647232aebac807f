
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

  /// Bytes used by the codes, the dictionary's UTF-8 text and the bitmap.
  package var byteCount: Int {
    var text = 0
    for s in dictionary { text += s.utf8.count + 16 }
    return codes.count * 4 + text + validity.byteCount
  }
}
