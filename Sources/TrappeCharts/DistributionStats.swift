import Glibc

/// Statistics shared by the distribution charts: quantiles, bin edges and bin counts.
enum DistributionStats {
  /// The `fraction`-quantile (0...1) of ascending `sorted` values, interpolating linearly.
  ///
  /// The same definition as the `percentile` aggregate and DuckDB's `quantile_cont`:
  /// position h = (n - 1)·fraction, result v⌊h⌋ + (h - ⌊h⌋)·(v⌊h⌋₊₁ - v⌊h⌋). Nil for no values.
  static func quantile(_ sorted: [Double], _ fraction: Double) -> Double? {
    guard let first = sorted.first else { return nil }
    guard sorted.count > 1 else { return first }
    let position = Swift.max(0, Swift.min(1, fraction)) * Double(sorted.count - 1)
    let low = Swift.min(Int(cells: position.rounded(.down)), sorted.count - 1)
    let weight = position - Double(low)
    guard weight > 0, low + 1 < sorted.count else { return sorted[low] }
    return sorted[low] + (sorted[low + 1] - sorted[low]) * weight
  }

  /// Sturges' number of bins for `count` values (at least 1): ⌈log₂ n⌉ + 1.
  static func sturges(_ count: Int) -> Int {
    guard count > 1 else { return 1 }
    return Int(Glibc.ceil(Glibc.log2(Double(count)))) + 1
  }

  /// Nice bin edges covering `low...high` in about `bins` bins (at least two edges).
  ///
  /// The edges are the ticks of an ``AxisScale``, rounded to the step's decimals so
  /// that a value such as 0.3 lands on the edge 0.3 rather than just below it.
  static func edges(low: Double, high: Double, bins: Int) -> (edges: [Double], scale: AxisScale) {
    let scale = AxisScale(covering: low, high, ticks: Swift.max(1, bins), includeZero: false)
    var factor = 1.0
    while factor < 1e12, Swift.abs(scale.step * factor - (scale.step * factor).rounded()) > 1e-6 { factor *= 10 }
    let scaledStep = (scale.step * factor).rounded()
    let first = (scale.low / scale.step).rounded()
    var edges: [Double] = []
    var index = first
    while edges.count < 201 {
      let edge = index * scaledStep / factor
      edges.append(edge)
      if edge >= high && edges.count >= 2 { break }
      index += 1
    }
    return (edges, scale)
  }

  /// How many `values` fall in each bin `[edges[i], edges[i + 1])`; the last bin includes its top edge.
  ///
  /// Values outside the edges count in the nearest end bin (they do not occur when the
  /// edges come from ``edges(low:high:bins:)`` for the same values).
  static func counts(_ values: [Double], edges: [Double]) -> [Int] {
    let bins = Swift.max(1, edges.count - 1)
    var counts = [Int](repeating: 0, count: bins)
    for value in values {
      counts[bin(of: value, edges: edges)] += 1
    }
    return counts
  }

  /// The bin of `value`: the last `i` with `edges[i] <= value`, clamped to the bins.
  static func bin(of value: Double, edges: [Double]) -> Int {
    let bins = Swift.max(1, edges.count - 1)
    var low = 0
    var high = bins - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if value >= edges[middle] { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
