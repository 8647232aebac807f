
extension Period {
  /// Parses a period as evaluators and statistics exports write it.
  ///
  /// Accepted spellings (letters in either case, an optional `-` or space
  /// before the letter):
  /// - year: `2008`
  /// - quarter: `2008Q3`, `2008K3` (Danish "kvartal")
  /// - month: `2008-09`, `2008M09` (Statistics Denmark)
  /// - ISO week: `2008W12`, `2008-W12`, `2008U12` (Danish "uge")
  package init?(_ text: String) {
    var text = text
    guard let period = text.withUTF8({ Period.parse($0) }) else { return nil }
    self = period
  }

  /// Parses a period from UTF-8 bytes; see ``init(_:)`` for the spellings.
  package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
    let n = bytes.count
    guard n >= 4, n <= 9, bytes[0] != UInt8(ascii: "0") else { return nil }
    var year = 0
    for i in 0..<4 {
      let d = bytes[i] &- 48
      guard d < 10 else { return nil }
      year = year * 10 + Int(d)
    }
    if n == 4 { return .year(year) }
    var i = 4
    var letter: UInt8 = 0
    let dashed = bytes[i] == UInt8(ascii: "-")
    if dashed || bytes[i] == UInt8(ascii: " ") { i += 1 }
    guard i < n else { return nil }
    let c = bytes[i] | 0x20  // lower-case ASCII letters
    if c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
      letter = c
      i += 1
    } else if !dashed || n - i != 2 {
      return nil  // a bare month needs the form `2008-09`
    }
    guard i < n, n - i <= 2 else { return nil }
    var number = 0
    while i < n {
      let d = bytes[i] &- 48
      guard d < 10 else { return nil }
      number = number * 10 + Int(d)
      i += 1
    }
    switch letter {
    case UInt8(ascii: "q"), UInt8(ascii: "k"):
      return (1...4).contains(number) ? .quarter(year, number) : nil
    case UInt8(ascii: "m"), 0:
      return (1...12).contains(number) ? .month(year, number) : nil
    case UInt8(ascii: "w"), UInt8(ascii: "u"):
      return (1...CivilDate.isoWeeks(in: year)).contains(number) ? .week(year, number) : nil
    default:
      return nil
    }
  }
}
