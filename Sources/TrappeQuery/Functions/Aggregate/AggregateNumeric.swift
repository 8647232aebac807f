
/// A column element that numeric aggregates read as a `Double` (bools as 0 and 1).
protocol AggregateNumeric {
  /// The value as a `Double`.
  var aggregateDouble: Double { get }
}

extension Int64: AggregateNumeric {
  @inline(__always) var aggregateDouble: Double { Double(self) }
}

extension Double: AggregateNumeric {
  @inline(__always) var aggregateDouble: Double { self }
}

extension Bool: AggregateNumeric {
  @inline(__always) var aggregateDouble: Double { self ? 1 : 0 }
}
