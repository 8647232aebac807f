import TrappeStorage

/// `corr(x, y)`: the Pearson correlation of the pairs where both x and y are not NULL,
/// as Double; NULL for a group with fewer than 2 such pairs or where x or y does not vary.
///
/// Two passes per group over values shifted by the group's first pair (x - x₀, y - y₀):
/// the first pass takes the means of the shifted values, the second the centred sums of
/// squares and products, so large offsets do not cancel, and a column that does not vary
/// has shifted values of exactly 0 and so a sum of squares of exactly 0 (NULL) — without
/// the shift, the mean of n copies of 0.1 is not exactly 0.1 and the variance came out as
/// a tiny positive number (corr 0.9999999999999998). DuckDB gives NaN where this gives NULL:
/// SQL `CASE WHEN isnan(corr(x, y)) THEN NULL ELSE corr(x, y) END`.
enum CorrAggregate {
  static func compute(x: Column, y: Column, groups: GroupIndex) -> Column {
    let k = groups.groupCount
    guard let xs = doubles(x), let ys = doubles(y) else { return .nulls(.double, count: k) }
    let valid = ValidityWords(x.validity, y.validity)
    var n = [Int](repeating: 0, count: k)
    var shiftX = [Double](repeating: 0, count: k), shiftY = [Double](repeating: 0, count: k)
    var sumX = [Double](repeating: 0, count: k), sumY = [Double](repeating: 0, count: k)
    let g = groups.groupOf
    for row in 0..<g.count where valid.isValid(row) {
      let group = Int(g[row])
      if n[group] == 0 {
        shiftX[group] = xs[row]
        shiftY[group] = ys[row]
      }
      n[group] += 1
      sumX[group] += xs[row] - shiftX[group]
      sumY[group] += ys[row] - shiftY[group]
    }
    var meanX = [Double](repeating: 0, count: k), meanY = [Double](repeating: 0, count: k)
    for group in 0..<k where n[group] > 0 {
      meanX[group] = sumX[group] / Double(n[group])
      meanY[group] = sumY[group] / Double(n[group])
    }
    var sxx = [Double](repeating: 0, count: k), syy = [Double](repeating: 0, count: k)
    var sxy = [Double](repeating: 0, count: k)
    for row in 0..<g.count where valid.isValid(row) {
      let group = Int(g[row])
      let dx = (xs[row] - shiftX[group]) - meanX[group]
      let dy = (ys[row] - shiftY[group]) - meanY[group]
      sxx[group] += dx * dx
      syy[group] += dy * dy
      sxy[group] += dx * dy
    }
    var out = [Double](repeating: 0, count: k)
    var defined = [Bool](repeating: false, count: k)
    for group in 0..<k where n[group] >= 2 && sxx[group] > 0 && syy[group] > 0 {
      let r = sxy[group] / (sxx[group].squareRoot() * syy[group].squareRoot())
      guard r.isFinite else { continue }
      out[group] = Swift.min(1, Swift.max(-1, r))
      defined[group] = true
    }
    return .double(PrimitiveColumn(values: out, validity: .fromFlags(defined)))
  }

  private static func doubles(_ column: Column) -> [Double]? {
    switch column {
    case .double(let c): return c.values
    case .int64(let c): return c.doubleValues()
    default: return nil
    }
  }
}
