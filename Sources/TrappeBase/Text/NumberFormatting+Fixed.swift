import Glibc

extension NumberFormatting {
  /// The digits after the decimal point that ``format(_:locale:groupFourDigits:)`` shows for
  /// `value` (0 for `12.0`, 2 for `11.97`), or nil when it is shown in exponent form or is
  /// not finite.
  package static func shownDecimals(_ value: Double) -> Int? {
    guard value.isFinite, value.magnitude < 1e15 else { return nil }
    let text = plain(displayed(value))
    if text.contains(where: { $0 == "e" || $0 == "E" }) { return nil }
    guard let dot = text.firstIndex(of: ".") else { return 0 }
    let fraction = text[text.index(after: dot)...]
    return fraction == "0" ? 0 : fraction.count
  }

  /// The most decimals a table shows for `value` without inventing digits: 15 significant
  /// digits in all (so 123456789012.5 takes at most 3).
  package static func decimalsRoom(_ value: Double) -> Int {
    let magnitude = value.magnitude
    guard magnitude >= 1 else { return 15 }
    let integerDigits = Int(Glibc.floor(Glibc.log10(magnitude))) + 1
    return max(0, 15 - integerDigits)
  }

  /// `value` with exactly `decimals` digits after the decimal point, as a column of a table
  /// shows it so that every row has the same number of decimals (`10.00` next to `11.97`).
  ///
  /// The value is first rounded as ``displayed(_:)`` does; values this cannot spell exactly
  /// (not finite, 1e15 and above, or more decimals than ``decimalsRoom(_:)``) fall back to
  /// ``format(_:locale:groupFourDigits:)``. `groupFourDigits` groups 4-digit integer parts
  /// in Danish (`1.031,50`), as every numeric column of a Danish table does.
  package static func format(
    _ value: Double, decimals: Int, locale: NumberLocale, groupFourDigits: Bool = false
  ) -> String {
    guard value.isFinite, value.magnitude < 1e15, decimals >= 0, decimals <= decimalsRoom(value) else {
      return format(value, locale: locale, groupFourDigits: groupFourDigits)
    }
    let shown = displayed(value)
    let scale = Glibc.pow(10.0, Double(decimals))
    let scaled = (shown * scale).rounded()
    guard scaled.magnitude < 9e15 else { return format(value, locale: locale, groupFourDigits: groupFourDigits) }
    let units = Int64(scaled)
    let digits = String(units.magnitude)
    let padded = digits.count <= decimals ? String(repeating: "0", count: decimals - digits.count + 1) + digits : digits
    let integerPart = String(padded.dropLast(decimals))
    let fraction = String(padded.suffix(decimals))
    let sign = units < 0 ? "-" : ""
    switch locale {
    case .plain:
      return sign + integerPart + (decimals > 0 ? "." + fraction : "")
    case .danish:
      let grouped = groupedDanish(integerPart, minimumDigits: groupFourDigits ? 4 : 5)
      return sign + grouped + (decimals > 0 ? "," + fraction : "")
    }
  }
}
