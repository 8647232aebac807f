import TrappeBase
import Glibc

/// Spells bar values in the chart's locale with as few decimals as the data needs.
struct BarNumbers: Sendable {
  /// The decimals every value is rounded to.
  let decimals: Int
  let locale: NumberLocale

  /// A style for `values`: no decimals for whole numbers, one when every value has at most one,
  /// else 2,
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
      // As few as every value needs, at most two: 1470.5 keeps one, 11.75 and 10 (with 11.97) two.
      decimals = finite.allSatisfy({ Swift.abs($0 * 10 - ($0 * 10).rounded()) < 1e-9 * Swift.max(1, Swift.abs($0 * 10)) }) ? 1 : 2
    } else {
      decimals = Swift.min(6, 1 + Int(cells: Glibc.ceil(-Glibc.log10(largest))))
    }
  }

  /// `value` rounded and spelled; NULL as `NULL`.
  func text(_ value: Double?) -> String {
    guard let value else { return "NULL" }
    guard value.isFinite else { return NumberFormatting.plain(value) }
    // Every value with the same decimals (10.00 next to 11.97, not 10), as a table column does.
    return TrendCharts.number(value, decimals: decimals, locale: locale)
  }
}
