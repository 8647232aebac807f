import TrappeBase
import Glibc

/// Spells bar values in the chart's locale with as few decimals as the data needs.
struct BarNumbers: Sendable {
  /// The decimals every value is rounded to.
  let decimals: Int
  let locale: NumberLocale

  /// A style for `values`: no decimals for whole numbers, at most 2 otherwise,
  /// more only when every value is small (below 0.1).
  init(_ values: [Double], locale: NumberLocale) {
    self.locale = locale
    let finite = values.filter(\.isFinite)
    if finite.allSatisfy({ Swift.abs($0 - $0.rounded()) < 1e-9 }) {
      decimals = 0
      return
    }
    let largest = finite.map { Swift.abs($0) }.max() ?? 0
    if largest >= 0.1 || largest == 0 {
      decimals = 2
    } else {
      decimals = Swift.min(6, 1 + Int(cells: Glibc.ceil(-Glibc.log10(largest))))
    }
  }

  /// `value` rounded and spelled; NULL as `NULL`.
  func text(_ value: Double?) -> String {
    guard let value else { return "NULL" }
    guard value.isFinite else { return NumberFormatting.plain(value) }
    let factor = Glibc.pow(10, Double(decimals))
    let rounded = (value * factor).rounded() / factor
    if Swift.abs(rounded) < 9e15, rounded == rounded.rounded() {
      return NumberFormatting.format(Int64(rounded), locale: locale)
    }
    return NumberFormatting.format(rounded, locale: locale)
  }
}
