extension String {
  /// The string without `suffix` at its end.
  package func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}

extension String {
  /// The string without leading spaces, tabs and newlines.
  package func trimmingLeadingWhitespace() -> Substring {
    drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
  }

  /// The string without leading and trailing spaces, tabs and newlines.
  ///
  /// Works on the UTF-8 bytes (the Character-wise version was most of Trappe's start-up, reading
  /// the manifests) with the Character-wise result: "\r\n" is one Character, neither "\r" nor
  /// "\n", so it stays; a space that a following combining mark (or a preceding prepended
  /// character) joins into one Character stays too, decided by the Character-wise version.
  package func trimmed() -> String {
    let fast: String?? = utf8.withContiguousStorageIfAvailable { bytes -> String? in
      guard let bounds = Self.trimmedBounds(bytes) else { return nil }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds]), as: UTF8.self)
    }
    if let fast, let fast { return fast }
    return characterwiseTrimmed()
  }

  /// The bytes `trimmed()` keeps, or nil when a space next to a non-ASCII byte may belong to a
  /// longer Character (only the Character-wise version can tell).
  private static func trimmedBounds(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
    var start = 0
    let count = bytes.count
    while start < count, isSpace(bytes[start]) {
      let next: UInt8? = start + 1 < count ? bytes[start + 1] : nil
      if bytes[start] == 0x0D, next == 0x0A { break }
      if bytes[start] == 0x20, let next, next >= 0x80 { return nil }
      start += 1
    }
    var end = count
    while end > start, isSpace(bytes[end - 1]) {
      let previous: UInt8? = end - 2 >= start ? bytes[end - 2] : nil
      if bytes[end - 1] == 0x0A, previous == 0x0D { break }
      if bytes[end - 1] == 0x20, let previous, previous >= 0x80 { return nil }
      end -= 1
    }
    return start..<end
  }

  /// `trimmed()` Character by Character.
  package func characterwiseTrimmed() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
