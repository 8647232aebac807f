import TrappeStorage

/// What inference over a column's cells (the first rows, or all of them) has learnt.
struct ColumnInference {
  /// Every non-null cell is an integer without separators.
  static let intPlain: UInt8 = 1
  /// Every non-null cell is an integer in comma mode (`1.234`).
  static let intComma: UInt8 = 2
  /// Every non-null cell is a number in point mode.
  static let doublePoint: UInt8 = 4
  /// Every non-null cell is a number in comma mode.
  static let doubleComma: UInt8 = 8

  /// The number kinds still possible (bits above).
  var numeric: UInt8 = 0b1111
  /// Some cell only reads as a number with a decimal comma (`12,5`).
  var commaEvidence = false
  /// Some cell only reads as a number with a decimal point (`12.5`).
  var pointEvidence = false
  /// Every non-null cell so far is a period of ``periodUnit``.
  var periodPossible = true
  /// The unit of the first period seen.
  var periodUnit: PeriodUnit?
  /// How many cells are whole numbers too large for 64 bits (`12345678901234567890`).
  var bigIntegers = 0
  /// The byte offset of the first of them, for the warning.
  var firstBigInteger = 0
  /// The number of non-null cells.
  var nonNull = 0
  /// Whether cells still need looking at (false for string overrides and settled strings).
  var active = true

  /// Updates the state with one non-null cell, whose field starts at byte `offset`.
  @inline(__always)
  mutating func observe(_ p: UnsafePointer<UInt8>, _ n: Int, at offset: Int) {
    nonNull += 1
    guard active else { return }
    if numeric != 0, ColumnInference.hasLeadingZero(p, n) {
      numeric = 0  // a zero-padded code such as `0101` is text, not the number 101
    }
    if numeric != 0 {
      if numeric & Self.intPlain != 0, CSVNumberParser.int(p, n, grouped: false) != nil {
        // An integer is every kind of number.
      } else {
        if CSVNumberParser.isDigitString(p, n),
          numeric & Self.intPlain != 0 || CSVNumberParser.int(p, n, grouped: false) == nil
        {
          if bigIntegers == 0 { firstBigInteger = offset }
          bigIntegers += 1
        }
        var kinds: UInt8 = 0
        if numeric & Self.intComma != 0, CSVNumberParser.int(p, n, grouped: true) != nil {
          kinds |= Self.intComma
        }
        // Modes ruled out up front (e.g. comma mode in a `,`-delimited file) are not tried.
        let point = numeric & Self.doublePoint != 0 && CSVNumberParser.double(p, n, comma: false) != nil
        let comma = numeric & Self.doubleComma != 0 && CSVNumberParser.double(p, n, comma: true) != nil
        if point { kinds |= Self.doublePoint }
        if comma {
          kinds |= Self.doubleComma
          for i in 0..<n where p[i] == 0x2C {
            commaEvidence = true
            break
          }
        }
        if point && !comma { pointEvidence = true }
        numeric &= kinds
      }
    }
    if periodPossible {
      if let period = Period.parse(UnsafeBufferPointer(start: p, count: n)) {
        if let unit = periodUnit {
          if unit != period.unit { periodPossible = false }
        } else {
          periodUnit = period.unit
        }
      } else {
        periodPossible = false
      }
    }
    if numeric == 0 && !periodPossible { active = false }
  }

  /// Whether a cell is a zero-padded digit string (`0101`, `-07`), which keeps the column text.
  static func hasLeadingZero(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let start = n > 0 && p[0] == UInt8(ascii: "-") ? 1 : 0
    return n - start >= 2 && p[start] == UInt8(ascii: "0") && p[start + 1] &- 48 < 10
  }

  /// The number kinds worth testing for a decimal separator option and delimiter.
  static func possibleKinds(_ separator: DecimalSeparator, delimiter: UInt8) -> UInt8 {
    switch separator {
    case .point: return intPlain | doublePoint
    case .comma: return intComma | doubleComma
    case .auto: return delimiter == 0x2C ? intPlain | doublePoint : 0b1111
    }
  }

  /// The inferred type once the decimal separator is known.
  func type(comma: Bool) -> DataType {
    if nonNull == 0 { return .string }
    if numeric & (comma ? Self.intComma : Self.intPlain) != 0 { return .int64 }
    // Whole numbers beyond 64 bits (ids) would lose digits as doubles: keep them as text.
    if numeric & (comma ? Self.doubleComma : Self.doublePoint) != 0 { return bigIntegers > 0 ? .string : .double }
    if periodPossible && periodUnit != nil { return .period }
    return .string
  }
}
