
/// Parses integers, decimals and booleans straight from the UTF-8 bytes of a cell.
///
/// Point mode accepts `-12`, `12.5` and `1.5e3`; comma mode accepts `-12`,
/// `12,5`, `1.234.567,89` (thousands groups of exactly three digits) and an
/// exponent. Nothing else is a number: no `+`, no spaces, no `1,234.5`.
enum CSVNumberParser {
  /// Exact powers of ten for the fast path.
  private static let powers: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]

  /// The sign preamble both number parsers share: nil for an empty cell, else whether the
  /// cell starts with `-` and the index of its first digit.
  @inline(__always)
  private static func sign(_ p: UnsafePointer<UInt8>, _ n: Int) -> (negative: Bool, start: Int)? {
    guard n > 0 else { return nil }
    let negative = p[0] == 0x2D
    return (negative, negative ? 1 : 0)
  }

  /// Thousands groups in the integer part: the first group has one to three digits, every
  /// later one exactly three.
  private struct DigitGroups {
    /// Digits since the last separator (or the start).
    var length = 0
    /// Whether a separator has been seen.
    var inGroups = false

    /// Takes a separator; false when the group it closes has the wrong length.
    @inline(__always)
    mutating func separator() -> Bool {
      if inGroups {
        guard length == 3 else { return false }
      } else {
        guard length >= 1 && length <= 3 else { return false }
        inGroups = true
      }
      length = 0
      return true
    }

    /// Whether the digits so far end a well-formed number: no groups, or a full last group.
    var isComplete: Bool { !inGroups || length == 3 }
  }

  /// Parses an integer; in comma mode `.` may separate groups of three digits.
  ///
  /// One to 18 plain digits (below 10^18, so no overflow is possible) take a loop without
  /// overflow checks; anything else, or a byte that is no digit, the checked loop.
  @inline(__always)
  static func int(_ p: UnsafePointer<UInt8>, _ n: Int, grouped: Bool) -> Int64? {
    guard let (negative, start) = sign(p, n) else { return nil }
    if n > start && n &- start <= 18 {
      var magnitude: UInt64 = 0
      var i = start
      while i < n {
        let d = p[i] &- 48
        guard d < 10 else { return checkedInt(p, n, negative: negative, start: start, grouped: grouped) }
        magnitude = magnitude &* 10 &+ UInt64(d)
        i &+= 1
      }
      let value = Int64(bitPattern: magnitude)
      return negative ? 0 &- value : value
    }
    return checkedInt(p, n, negative: negative, start: start, grouped: grouped)
  }

  /// ``int(_:_:grouped:)`` with every step checked: any length, thousands groups.
  private static func checkedInt(
    _ p: UnsafePointer<UInt8>, _ n: Int, negative: Bool, start: Int, grouped: Bool
  ) -> Int64? {
    var i = start
    var magnitude: UInt64 = 0
    var digits = 0
    var groups = DigitGroups()
    while i < n {
      let d = p[i] &- 48
      if d < 10 {
        let (m1, o1) = magnitude.multipliedReportingOverflow(by: 10)
        let (m2, o2) = m1.addingReportingOverflow(UInt64(d))
        if o1 || o2 { return nil }
        magnitude = m2
        digits += 1
        groups.length += 1
      } else if grouped && p[i] == 0x2E {
        guard groups.separator() else { return nil }
      } else {
        return nil
      }
      i += 1
    }
    guard digits > 0, groups.isComplete else { return nil }
    if negative {
      guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
      return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
    }
    guard magnitude <= UInt64(Int64.max) else { return nil }
    return Int64(magnitude)
  }

  /// Parses a decimal number with `.` (point mode) or `,` (comma mode) before the fraction.
  static func double(_ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Double? {
    guard let (negative, start) = sign(p, n) else { return nil }
    var i = start
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var exact = true
    var intDigits = 0
    var groups = DigitGroups()
    // Integer part, with thousands groups in comma mode.
    while i < n {
      let c = p[i]
      let d = c &- 48
      if d < 10 {
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          if mantissa != 0 { significant += 1 }
        } else {
          exponent += 1
          if d != 0 { exact = false }
        }
        intDigits += 1
        groups.length += 1
      } else if comma && c == 0x2E {
        guard groups.separator() else { return nil }
      } else {
        break
      }
      i += 1
    }
    guard intDigits > 0, groups.isComplete else { return nil }
    // Fraction.
    if i < n && p[i] == (comma ? 0x2C : 0x2E) {
      i += 1
      var fractionDigits = 0
      while i < n {
        let d = p[i] &- 48
        guard d < 10 else { break }
        if significant < 19 {
          mantissa = mantissa &* 10 &+ UInt64(d)
          if mantissa != 0 { significant += 1 }
          exponent -= 1
        } else if d != 0 {
          exact = false
        }
        fractionDigits += 1
        i += 1
      }
      guard fractionDigits > 0 else { return nil }
    }
    // Exponent.
    if i < n && p[i] | 0x20 == 0x65 {
      i += 1
      var expNegative = false
      if i < n && (p[i] == 0x2D || p[i] == 0x2B) {
        expNegative = p[i] == 0x2D
        i += 1
      }
      var value = 0
      var expDigits = 0
      while i < n {
        let d = p[i] &- 48
        guard d < 10 else { break }
        if value < 100_000 { value = value * 10 + Int(d) }
        expDigits += 1
        i += 1
      }
      guard expDigits > 0 else { return nil }
      exponent += expNegative ? -value : value
    }
    guard i == n else { return nil }
    if exact && mantissa < (1 << 53) && exponent >= -22 && exponent <= 22 {
      var value = Double(mantissa)
      if exponent < 0 { value /= powers[-exponent] } else { value *= powers[exponent] }
      return negative ? -value : value
    }
    return slowDouble(p, n, comma: comma)
  }

  /// Converts an already validated number through the standard library, for rare long inputs.
  private static func slowDouble(_ p: UnsafePointer<UInt8>, _ n: Int, comma: Bool) -> Double? {
    var text = ""
    text.reserveCapacity(n)
    for i in 0..<n {
      let c = p[i]
      if comma && c == 0x2E { continue }
      text.unicodeScalars.append(UnicodeScalar(comma && c == 0x2C ? 0x2E : c))
    }
    return Double(text)
  }

  /// Whether a cell is an optional `-` and one or more digits, however many.
  static func isDigitString(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let start = n > 0 && p[0] == 0x2D ? 1 : 0
    guard n > start else { return false }
    for i in start..<n where p[i] &- 48 >= 10 { return false }
    return true
  }

  /// Whether a decimal number's digits before its exponent hold anything but zeros
  /// (so a value that parsed as 0 underflowed).
  static func hasNonzeroDigit(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n {
      let c = p[i]
      if c | 0x20 == 0x65 { return false }
      if c >= 0x31 && c <= 0x39 { return true }
    }
    return false
  }

  /// Parses `true/false/ja/nej/yes/no/1/0`, ignoring case.
  static func bool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
    guard n >= 1 && n <= 5 else { return nil }
    var word: UInt64 = 0
    for i in 0..<n {
      var c = p[i]
      if c >= 0x41 && c <= 0x5A { c |= 0x20 }
      word = word << 8 | UInt64(c)
    }
    switch word {
    case 0x74_72_75_65, 0x6A_61, 0x79_65_73, 0x31: return true  // true ja yes 1
    case 0x66_61_6C_73_65, 0x6E_65_6A, 0x6E_6F, 0x30: return false  // false nej no 0
    default: return nil
    }
  }
}
