
/// Appends strings to a ``StringColumn``, assigning each distinct string one code.
package struct StringColumnBuilder: Sendable {
  @usableFromInline var codes: [UInt32] = []
  private var dictionary: [String] = []
  private var lookup: [String: UInt32] = [:]
  @usableFromInline var validity = ValidityMask(allValid: 0)

  /// Creates an empty builder.
  package init(capacity: Int = 0) {
    codes.reserveCapacity(capacity)
  }

  /// Appends a string.
  mutating func append(_ string: String) {
    codes.append(code(for: string))
    validity.append(true)
  }

  /// Appends the code of an already-interned string.
  @inlinable package mutating func append(code: UInt32) {
    codes.append(code)
    validity.append(true)
  }

  /// Appends a null row.
  @inlinable package mutating func appendNull() {
    codes.append(0)
    validity.append(false)
  }

  /// The code for `string`, adding it to the dictionary when new.
  package mutating func code(for string: String) -> UInt32 {
    if let code = lookup[string] { return code }
    let code = UInt32(dictionary.count)
    dictionary.append(string)
    lookup[string] = code
    return code
  }

  /// The number of rows appended so far.
  package var count: Int { codes.count }

  /// Returns the finished column.
  package func finish() -> StringColumn {
    StringColumn(codes: codes, dictionary: dictionary, validity: validity)
  }
}
