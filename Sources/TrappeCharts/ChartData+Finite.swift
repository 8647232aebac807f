extension ChartData {
  /// Turns inf, -inf and NaN values (and x values) into NULL and returns how many there were.
  ///
  /// No chart can place a non-finite value on an axis; the renderer leaves them out and says
  /// how many. (A CSV value such as `1e400` loads as inf.)
  mutating func removeNonFinite() -> Int {
    var removed = 0
    for c in values.indices {
      for r in values[c].values.indices {
        if let v = values[c].values[r], !v.isFinite {
          values[c].values[r] = nil
          removed += 1
        }
      }
    }
    if var xs = xValues {
      for r in xs.indices {
        if let v = xs[r], !v.isFinite {
          xs[r] = nil
          removed += 1
        }
      }
      xValues = xs
    }
    return removed
  }
}
