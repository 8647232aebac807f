import TrappeBase
import Glibc

/// A linear scale from data values to character positions, with "nice" tick values.
struct AxisScale: Sendable, Equatable {
  /// The lowest and highest values the axis shows (ticks are multiples of `step`).
  var low: Double
  var high: Double
  /// The distance between ticks.
  var step: Double

  /// A scale covering `low...high` (zero included when `includeZero`) with about `ticks` ticks.
  init(covering low: Double, _ high: Double, ticks: Int = 5, includeZero: Bool = true) {
    var a = low.isFinite ? low : 0
    var b = high.isFinite ? high : 0
    if includeZero {
      a = Swift.min(a, 0)
      b = Swift.max(b, 0)
    }
    if a == b {
      b = a + 1
    }
    var nice = Self.nice(a, b, ticks: ticks)
    // From -1e308 to 1e308 the span is inf (and a == b near 1e308 has no step): then the axis
    // covers ±4e307 at most and the positions clamp to its ends.
    if !(nice.high - nice.low).isFinite || !nice.step.isFinite || !(nice.step > 0) || !(nice.high > nice.low) {
      a = Swift.max(-4e307, Swift.min(4e307, a))
      b = Swift.max(-4e307, Swift.min(4e307, b))
      if a == b {
        if b > 0 { a = b / 2 } else { b = a / 2 }
      }
      nice = Self.nice(a, b, ticks: ticks)
    }
    (self.low, self.high, step) = nice
  }

  /// The ends rounded out to multiples of a 1, 2, 2.5 or 5 step giving about `ticks` ticks over `a...b` (a < b).
  private static func nice(_ a: Double, _ b: Double, ticks: Int) -> (low: Double, high: Double, step: Double) {
    let raw = (b - a) / Double(Swift.max(1, ticks))
    let magnitude = Glibc.pow(10, Glibc.floor(Glibc.log10(raw)))
    let fraction = raw / magnitude
    let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
    let step = nice * magnitude
    // Near ±1.8e308 an end rounded out can pass the double range: then it is rounded in.
    var low = Glibc.floor(a / step) * step
    if !low.isFinite { low = Glibc.ceil(a / step) * step }
    var high = Glibc.ceil(b / step) * step
    if !high.isFinite { high = Glibc.floor(b / step) * step }
    return (low, high, step)
  }

  /// The tick values from low to high.
  var ticks: [Double] {
    var result: [Double] = []
    var value = low
    while value <= high + step / 2, result.count < 100 {
      result.append(Swift.abs(value) < step / 1e9 ? 0 : value)
      value += step
    }
    return result
  }

  /// The position of `value` on an axis of `length` cells (0 at `low`), clamped.
  func position(_ value: Double, length: Int) -> Double {
    guard high > low else { return 0 }
    let fraction = (value - low) / (high - low)
    return Swift.max(0, Swift.min(1, fraction)) * Double(length)
  }

  /// A tick label in `locale`: as few decimals as the step needs.
  func label(_ value: Double, locale: NumberLocale) -> String {
    // As many decimals as the step needs: 2.5 needs one, 0.25 two, 5 none.
    var decimals = 0
    while decimals < 6, Swift.abs((step * Glibc.pow(10, Double(decimals))).rounded() - step * Glibc.pow(10, Double(decimals))) > 1e-9 {
      decimals += 1
    }
    let factor = Glibc.pow(10, Double(decimals))
    let rounded = (value * factor).rounded() / factor
    // Int64(rounded) traps from ±9.2e18. Beyond ±1e15 the label is a double, rounded to whole
    // units of the step's power of ten so that sums of steps read -8e+307, not -7.999999999999999e+307.
    if Swift.abs(rounded) >= 1e15 {
      let unit = Glibc.pow(10, Glibc.floor(Glibc.log10(step)))
      let tidy = (value / unit).rounded() * unit
      return NumberFormatting.format(tidy.isFinite && unit > 0 ? tidy : value, locale: locale)
    }
    if decimals == 0 { return NumberFormatting.format(Int64(rounded), locale: locale) }
    // Every tick with the step's decimals: 12.5 next to 10.0, not 10.
    return TrendCharts.number(rounded, decimals: decimals, locale: locale)
  }
}
