import TrappeStorage

/// The numbers window functions add and subtract: Int64 (reporting overflow) and Double.
protocol WindowNumber: Sendable, Equatable {
  /// The additive identity.
  static var zero: Self { get }
  /// `a + b`, and whether it overflowed (integers only; the caller makes the row NULL).
  static func plus(_ a: Self, _ b: Self) -> (Self, overflow: Bool)
  /// `a - b`, and whether it overflowed.
  static func minus(_ a: Self, _ b: Self) -> (Self, overflow: Bool)
  /// The value as a double.
  var asDouble: Double { get }
}

extension Int64: WindowNumber {
  static func plus(_ a: Int64, _ b: Int64) -> (Int64, overflow: Bool) {
    let (sum, overflow) = a.addingReportingOverflow(b)
    return (sum, overflow)
  }
  static func minus(_ a: Int64, _ b: Int64) -> (Int64, overflow: Bool) {
    let (difference, overflow) = a.subtractingReportingOverflow(b)
    return (difference, overflow)
  }
  var asDouble: Double { Double(self) }
}

extension Double: WindowNumber {
  static func plus(_ a: Double, _ b: Double) -> (Double, overflow: Bool) { (a + b, false) }
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
    case .int64(let c): return .int64(values(layout, c, overflows: &warnings.overflows))
    case .double(let c): return .double(values(layout, c, overflows: &warnings.overflows))
    default: return Column.nulls(input.type, count: input.count, unit: input.periodUnit)
    }
  }
}
