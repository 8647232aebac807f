extension Int {
  /// `value` as a cell count or position, without trapping: NaN is 0, and anything beyond
  /// ±1e9 (far more cells than any terminal) is clamped there, so sums and differences of
  /// the result cannot overflow either. `Int(value)` traps on inf, NaN and beyond ±9.2e18.
  init(cells value: Double) {
    guard !value.isNaN else {
      self = 0
      return
    }
    self = Int(Swift.max(-1e9, Swift.min(1e9, value)))
  }
}
