import TrappeStorage

/// `round(x, digits)`: rounds half away from zero to `digits` decimals (default 0).
///
/// - double: `round(2.5)` is 3.0, `round(-2.5)` is -3.0, `round(1234.5, -2)` is 1200.0.
///   A product within a few units in the last place of a half counts as the
///   half, so decimal input rounds as written (`round(1.005, 2)` is 1.01).
/// - int: unchanged for `digits >= 0`; negative digits round to tens,
///   hundreds, ... half away from zero (`round(1250, -2)` is 1300); an
///   overflow gives NULL.
/// - NULL `x` or NULL `digits` gives NULL.
enum RoundFunction {
  static func apply(_ x: Column, digits: Operand, warnings: inout EvaluationWarnings) -> Column {
    switch digits {
    case .scalar(let d, _):
      guard let d = d.int64Value else { return .nulls(x.type, count: x.count) }
      return apply(x, digits: Int(clamping: d), warnings: &warnings)
    case .column(let column):
      guard case .int64(let d) = CastKernel.cast(column, to: .int64, warnings: &warnings) else {
        return .nulls(x.type, count: x.count)
      }
      return perRow(x, d, warnings: &warnings)
    }
  }

  /// One `digits` for every row: the scale is computed once.
  static func apply(_ x: Column, digits: Int, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .double(let c):
      if digits > 15 { return x }
      let negative = digits < 0
      let scale = power(abs(digits))
      let out = c.values.map { round($0, scale: scale, negative: negative) }
      return .double(PrimitiveColumn(values: out, validity: c.validity))
    case .int64(let c):
      if digits >= 0 { return x }
      var validity = ValidityWords(c.validity)
      let n = c.count
      let out = [Int64](unsafeUninitializedCapacity: n) { buffer, initialized in
        c.widenedValues().withUnsafeBufferPointer { v in
          for i in 0..<n {
            if let r = round(v[i], negativeDigits: digits) {
              buffer.initializeElement(at: i, to: r)
            } else {
              buffer.initializeElement(at: i, to: 0)
              if validity.invalidate(i) { warnings.overflows += 1 }
            }
          }
        }
        initialized = n
      }
      return .int64(Int64Column(values: out, validity: validity.mask))
    default:
      return .nulls(x.type, count: x.count)
    }
  }

  private static func perRow(_ x: Column, _ d: Int64Column, warnings: inout EvaluationWarnings) -> Column {
    let n = x.count
    switch x {
    case .double(let c):
      let out = (0..<n).map { i -> Double in
        let digits = Int(clamping: d.slot(i))
        if digits > 15 { return c.values[i] }
        return round(c.values[i], scale: power(abs(digits)), negative: digits < 0)
      }
      return .double(PrimitiveColumn(values: out, validity: ValidityWords(c.validity, d.validity).mask))
    case .int64(let c):
      var validity = ValidityWords(c.validity, d.validity)
      let values = c.widenedValues()
      let out = (0..<n).map { i -> Int64 in
        let digits = Int(clamping: d.slot(i))
        if digits >= 0 { return values[i] }
        if let r = round(values[i], negativeDigits: digits) { return r }
        if validity.invalidate(i) { warnings.overflows += 1 }
        return 0
      }
      return .int64(Int64Column(values: out, validity: validity.mask))
    default:
      return .nulls(x.type, count: n)
    }
  }

  /// 10^n as a double.
  private static func power(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<min(n, 400) { result *= 10 }
    return result
  }

  /// `v` rounded half away from zero at `scale` (a multiplier, or a divisor when `negative`).
  @inline(__always)
  static func round(_ v: Double, scale: Double, negative: Bool) -> Double {
    // 10^309 and beyond is inf: every finite v rounds to 0 there (DuckDB: round(123.456, -309)
    // is 0.0), where rounded * scale would be 0 * inf = NaN.
    if negative && !scale.isFinite { return v.isFinite ? 0 : v }
    let y = negative ? v / scale : v * scale
    guard y.isFinite, Swift.abs(y) < 4_503_599_627_370_496 else { return v }
    // Nudge by four ulps so a decimal half stored just below .5 still rounds away, but by no
    // more than 5e-11 in x's units: from about 2^49 four ulps reach the half itself, and
    // round(1e15, 0) gave 1000000000000001.0.
    let nudge = Swift.min(y.ulp * 4, negative ? 5e-11 / scale : 5e-11 * scale)
    let nudged = y + (y < 0 ? -nudge : nudge)
    let rounded = nudged.rounded(.toNearestOrAwayFromZero)
    let result = negative ? rounded * scale : rounded / scale
    // round(1.7e308, -308) would be 2e308 = inf; DuckDB keeps 1.7e308.
    return result.isFinite ? result : v
  }

  /// `v` rounded half away from zero to a multiple of 10^-digits; nil on overflow.
  static func round(_ v: Int64, negativeDigits digits: Int) -> Int64? {
    if digits <= -19 { return 0 }
    var p: Int64 = 1
    for _ in 0..<(-digits) { p *= 10 }
    let q = v / p, r = v % p
    var result = q
    if Swift.abs(r) >= p - Swift.abs(r) { result += v < 0 ? -1 : 1 }
    let (value, overflow) = result.multipliedReportingOverflow(by: p)
    return overflow ? nil : value
  }
}
