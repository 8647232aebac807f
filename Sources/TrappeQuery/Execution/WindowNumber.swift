import TrappeStorage

/// The numbers window functions add and subtract: Int64 (wrapping on overflow) and Double.
protocol WindowNumber: Sendable, Equatable {
  /// The additive identity.
  static var zero: Self { get }
  /// `a + b` (wrapping for integers).
  static func plus(_ a: Self, _ b: Self) -> Self
  /// `a - b` (wrapping for integers).
  static func minus(_ a: Self, _ b: Self) -> Self
  /// The value as a double.
  var asDouble: Double { get }
}

extension Int64: WindowNumber {
  static func plus(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
  static func minus(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
  var asDouble: Double { Double(self) }
}

extension Double: WindowNumber {
  static func plus(_ a: Double, _ b: Double) -> Double { a + b }
  static func minus(_ a: Double, _ b: Double) -> Double { a - b }
  var asDouble: Double { self }
}

/// A window function that maps int input to ints and double input to doubles, and gives
/// NULLs for any other type: `running_sum(x)` and `change(x)`.
protocol SameTypeNumericWindow {
  /// The function over one numeric column, in original row order.
  static func values<T: WindowNumber>(_ layout: WindowLayout, _ c: PrimitiveColumn<T>) -> PrimitiveColumn<T>
}

extension SameTypeNumericWindow {
  /// Int64 results for int input, Double for double input, NULLs of the input's type otherwise.
  static func compute(_ layout: WindowLayout, input: Column) -> Column {
    switch input {
    case .int64(let c): return .int64(values(layout, c))
    case .double(let c): return .double(values(layout, c))
    default: return Column.nulls(input.type, count: input.count, unit: input.periodUnit)
    }
  }
}
