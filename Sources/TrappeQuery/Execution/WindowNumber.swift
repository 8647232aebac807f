import TrappeStorage

/// The numbers window functions add and subtract: Int64 (exact totals, reporting overflow)
/// and Double.
protocol WindowNumber: Sendable, Equatable {
  /// A running total of values: Int128 for Int64, so sums are exact and order does not
  /// matter (2^31 rows of at most 2^63 stay far below 2^127); a compensated (Neumaier) sum
  /// for Double.
  associatedtype Total: Sendable
  /// The additive identity.
  static var zero: Self { get }
  /// The empty total.
  static var zeroTotal: Total { get }
  /// `total + x` (never overflows for Int128 totals of Int64 values).
  static func adding(_ total: Total, _ x: Self) -> Total
  /// The total as a value, or nil when it lies outside the value type (integers only; the
  /// caller makes the row NULL and counts an overflow).
  static func value(of total: Total) -> Self?
  /// The total as a double (one rounding of the exact integer total).
  static func double(of total: Total) -> Double
  /// `a - b`, and whether it overflowed.
  static func minus(_ a: Self, _ b: Self) -> (Self, overflow: Bool)
  /// The value as a double.
  var asDouble: Double { get }
}

extension Int64: WindowNumber {
  static var zeroTotal: Int128 { 0 }
  @inline(__always) static func adding(_ total: Int128, _ x: Int64) -> Int128 { total + Int128(x) }
  @inline(__always) static func value(of total: Int128) -> Int64? { Int64(exactly: total) }
  @inline(__always) static func double(of total: Int128) -> Double { Double(total) }
  static func minus(_ a: Int64, _ b: Int64) -> (Int64, overflow: Bool) {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    return (difference, overflow)
  }
  var asDouble: Double { Double(self) }
}

/// A compensated (Neumaier) running sum of doubles, as ``NeumaierSums`` and `sum(x) over …
/// order by` keep it: `sum` plus the rounding errors collected in `compensation`.
struct CompensatedTotal: Sendable {
  var sum = 0.0
  var compensation = 0.0

  /// The corrected total; an infinite or NaN sum keeps its plain value (the correction would
  /// turn it into NaN).
  var value: Double {
    let corrected = sum + compensation
    return corrected.isFinite ? corrected : sum
  }
}

extension Double: WindowNumber {
  static var zeroTotal: CompensatedTotal { CompensatedTotal() }
  @inline(__always) static func adding(_ total: CompensatedTotal, _ x: Double) -> CompensatedTotal {
    let sum = total.sum + x
    let error = abs(total.sum) >= abs(x) ? (total.sum - sum) + x : (x - sum) + total.sum
    return CompensatedTotal(sum: sum, compensation: total.compensation + error)
  }
  @inline(__always) static func value(of total: CompensatedTotal) -> Double? { total.value }
  @inline(__always) static func double(of total: CompensatedTotal) -> Double { total.value }
  static func minus(_ a: Double, _ b: Double) -> (Double, overflow: Bool) { (a - b, false) }
  var asDouble: Double { self }
}

/// A window function that maps int input to ints and double input to doubles, and gives
/// NULLs for any other type: `running_sum(x)` and `change(x)`.
protocol SameTypeNumericWindow {
  /// The function over one numeric column, in original row order; `overflows` counts the
  /// rows an integer overflow made NULL.
  static func values<T: WindowNumber>(
    _ layout: WindowLayout, _ c: PrimitiveColumn<T>, overflows: inout Int
  ) -> PrimitiveColumn<T>
}

extension SameTypeNumericWindow {
  /// Int64 results for int input, Double for double input, NULLs of the input's type otherwise.
  static func compute(_ layout: WindowLayout, input: Column, warnings: inout EvaluationWarnings) -> Column {
    switch input {
    case .int64(let c): return .int64(Int64Column(values(layout, c.widenedColumn(), overflows: &warnings.overflows)))
    case .double(let c): return .double(values(layout, c, overflows: &warnings.overflows))
    default: return Column.nulls(input.type, count: input.count, unit: input.periodUnit)
    }
  }
}
