import TrappeBase
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
