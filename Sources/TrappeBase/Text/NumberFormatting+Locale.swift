import Glibc

extension NumberFormatting {
  /// The spelling of an integer in `locale`.
  ///
  /// Danish groups thousands with `.` only when the number has five or more
  /// digits: `2008` stays `2008`, `12345` becomes `12.345`. With
  /// `groupFourDigits` (a column that also holds larger numbers) `1031` becomes `1.031`.
  package static func format(_ value: Int64, locale: NumberLocale, groupFourDigits: Bool = false) -> String {
    switch locale {
    case .plain:
      return String(value)
    case .danish:
      let digits = String(value.magnitude)
      return (value < 0 ? "-" : "") + groupedDanish(digits, minimumDigits: groupFourDigits ? 4 : 5)
    }
  }

  /// The spelling of a double in `locale`.
  ///
  /// Plain uses ``plain(_:)``. Danish takes the same digits, writes a decimal
  /// comma and groups the integer part with `.` when it has five or more digits:
  /// `12345.6` becomes `12.345,6`, `0.5` becomes `0,5`.
  package static func format(_ value: Double, locale: NumberLocale, groupFourDigits: Bool = false) -> String {
    var text = plain(displayed(value))
    // Exponent forms of large values: 12 significant digits, rounded in the decimal text so
    // that no digit is invented (2^63 shows as 9.22337203685e+18).
    if value.magnitude >= 1, text.contains("e") { text = roundedSignificand(text, digits: 12) }
    switch locale {
    case .plain:
      return text
    case .danish:
      if !value.isFinite { return text }
      // Exponent forms (very large or very small magnitudes) are not grouped.
      if text.contains(where: { $0 == "e" || $0 == "E" }) {
        return String(text.map { $0 == "." ? "," : $0 })
      }
      var integerPart = Substring(text)
      var fraction: Substring = ""
      if let dot = text.firstIndex(of: ".") {
        integerPart = text[..<dot]
        fraction = text[text.index(after: dot)...]
      }
      var sign = ""
      if integerPart.hasPrefix("-") {
        sign = "-"
        integerPart = integerPart.dropFirst()
      }
      let grouped = groupedDanish(String(integerPart), minimumDigits: groupFourDigits ? 4 : 5)
      return sign + grouped + (fraction.isEmpty ? "" : "," + fraction)
    }
  }

  /// `value` as a table shows it: at most 4 decimals (4 significant digits below 0.01) and
  /// 12 significant digits, so 10.918918918 shows as 10.9189 and binary noise such as
  /// 0.8600000000000003 as 0.86. Exports and `.mode csv` keep every digit.
  ///
  /// Only digits after the decimal point are rounded away: from 1e11 up, where 12
  /// significant digits would reach into the integer part, the value is shown as it is
  /// (its shortest exact spelling), so a table never shows digits that are not in the
  /// value (98765432109876.5 stays 98765432109876.5, not 98765432109900.0; Int64.max as a
  /// double is 9.223372036854776e+18, not 9.223372036850001e+18).
  package static func displayed(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let magnitude = Int(Glibc.floor(Glibc.log10(value.magnitude)))
    let shift = magnitude >= -2 ? min(4, 11 - magnitude) : 3 - magnitude
    guard shift > 0, shift <= 290 else { return value }
    let scale = Glibc.pow(10.0, Double(shift))
    let rounded = (value * scale).rounded() / scale
    return rounded.isFinite ? rounded : value
  }

  /// An exponent spelling such as `-9.223372036854776e+18` with its significand rounded
  /// (half up, on the decimal digits) to at most `digits` significant digits, trailing zeros
  /// dropped: `-9.22337203685e+18`. Other text is returned unchanged.
  static func roundedSignificand(_ text: String, digits: Int) -> String {
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    var significand = Substring(text[..<e])
    let negative = significand.hasPrefix("-")
    if negative { significand = significand.dropFirst() }
    var all = significand.compactMap { $0.wholeNumberValue }
    guard all.count > digits, significand.first != "0", var exponent = Int(text[text.index(after: e)...]) else {
      return text
    }
    let roundUp = all[digits] >= 5
    all = Array(all[0..<digits])
    if roundUp {
      var k = digits - 1
      while k >= 0 {
        if all[k] == 9 {
          all[k] = 0
          k -= 1
        } else {
          all[k] += 1
          break
        }
      }
      if k < 0 {
        all.insert(1, at: 0)
        all.removeLast()
        exponent += 1
      }
    }
    while all.count > 1 && all.last == 0 { all.removeLast() }
    let head = String(all[0])
    let tail = all.dropFirst().map(String.init).joined()
    let magnitude = String(abs(exponent))
    return (negative ? "-" : "") + head + (tail.isEmpty ? "" : "." + tail) + "e" + (exponent < 0 ? "-" : "+")
      + (magnitude.count < 2 ? "0" + magnitude : magnitude)
  }

  /// Inserts `.` between groups of three digits when there are at least `minimumDigits`.
  package static func groupedDanish(_ digits: String, minimumDigits: Int = 5) -> String {
    let count = digits.utf8.count
    guard count >= minimumDigits else { return digits }
    var result = ""
    result.reserveCapacity(count + count / 3)
    var position = 0
    for digit in digits {
      if position > 0 && (count - position) % 3 == 0 { result.append(".") }
      result.append(digit)
      position += 1
    }
    return result
  }
}

