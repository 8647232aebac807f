/// A dictionary-encoded column of UTF-8 strings.
///
/// Each row stores a code into ``dictionary``, which holds every distinct string once; the
/// codes are 8, 16 or 32 bits wide, sized to the dictionary (``DictionaryCodes``). Equality,
/// grouping and joins work on the codes; the strings are only touched for display, sorting and
/// string functions.
package struct StringColumn: Sendable, Equatable {
  /// One dictionary code per row; code 0 stands in null slots.
  package var storage: DictionaryCodes
  /// The distinct strings, indexed by code.
  package var dictionary: [String]
  /// Which rows hold a value.
  package var validity: ValidityMask

  /// Creates a column from 32-bit codes, a dictionary and a validity mask, storing the codes in
  /// the narrowest width for the dictionary (one pass over the codes: where a column is
  /// finished, e.g. the CSV loader and ``StringColumnBuilder/finish()``).
  package init(codes: [UInt32], dictionary: [String], validity: ValidityMask) {
    precondition(codes.count == validity.count, "codes and validity differ in length")
    self.storage = DictionaryCodes.sized(codes, entries: dictionary.count)
    self.dictionary = dictionary
    self.validity = validity
  }

  /// Creates a column from codes already stored in some width; they are resized when the width
  /// does not fit the dictionary (a copy only then).
  package init(storage: DictionaryCodes, dictionary: [String], validity: ValidityMask) {
    precondition(storage.count == validity.count, "codes and validity differ in length")
    self.storage = storage.sized(entries: dictionary.count)
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
  package var count: Int { storage.count }

  /// The code at `row` (one switch over the width per call; kernels switch over ``storage`` once).
  @inlinable package func code(at row: Int) -> Int { storage[row] }

  /// Every code as 32 bits: a copy of the whole column, for paths that are not hot. Never per row.
  package func widenedCodes() -> [UInt32] { storage.widened() }

  /// The code width in bits (8, 16 or 32).
  package var codeBitWidth: Int { storage.bitWidth }

  /// The string at `row`, or nil when the row is null.
  package subscript(row: Int) -> String? {
    validity.isValid(row) ? dictionary[storage[row]] : nil
  }

  /// Bytes used by the codes, the dictionary and the bitmap.
  package var byteCount: Int { codeByteCount + dictionaryByteCount + validity.byteCount }

  /// Bytes of the codes: one, two or four a row.
  package var codeByteCount: Int { storage.count * storage.bitWidth / 8 }

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

  /// Equal when the rows' codes, the dictionary and the validity are, whatever the code widths.
  package static func == (a: StringColumn, b: StringColumn) -> Bool {
    a.dictionary == b.dictionary && a.validity == b.validity && a.storage.sameCodes(b.storage)
  }
}
