@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
@testable import TrappeDatagen

/// A small seeded generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<bound` (bound > 0).
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// A random element of a non-empty array.
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

  /// True `percent` times in a hundred.
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// Column constructors for tests.
enum TestColumns {
  static func ints(_ values: [Int64?]) -> Column {
    var b = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    for v in values { if let v { b.append(v) } else { b.appendNull() } }
    return .int64(b.finish())
  }

  static func doubles(_ values: [Double?]) -> Column {
    var b = PrimitiveColumnBuilder<Double>(placeholder: 0)
    for v in values { if let v { b.append(v) } else { b.appendNull() } }
    return .double(b.finish())
  }

  static func strings(_ values: [String?]) -> Column {
    .string(StringColumn(values))
  }

  static func years(_ values: [Int?]) -> Column {
    var b = PeriodColumnBuilder(unit: .year)
    for v in values { if let v { b.append(.year(v)) } else { b.appendNull() } }
    return .period(b.finish())
  }

  static func values(_ column: Column) -> [Value] {
    (0..<column.count).map { column.value(at: $0) }
  }
}
