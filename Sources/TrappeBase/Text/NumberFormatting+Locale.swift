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
    let text = plain(displayed(value))
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
  package static func displayed(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let magnitude = Int(Glibc.floor(Glibc.log10(value.magnitude)))
    let shift = magnitude >= -2 ? min(4, 11 - magnitude) : 3 - magnitude
    guard (-290...290).contains(shift) else { return value }
    let scale = Glibc.pow(10.0, Double(shift))
    let rounded = (value * scale).rounded() / scale
    return rounded.isFinite ? rounded : value
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

