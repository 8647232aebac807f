
/// Descriptive statistics of one column, as `.describe` shows them.
package struct ColumnSummary: Sendable, Equatable {
  /// The number of null rows.
  package var nullCount: Int
  /// The number of distinct non-null values.
  package var distinctCount: Int
  /// The smallest non-null value, or `.null` when the column has none.
  package var minimum: Value
  /// The largest non-null value, or `.null` when the column has none.
  package var maximum: Value
  /// Up to three distinct non-null values, in row order.
  package var examples: [Value]

  /// Computes the summary of `column` in one pass per statistic over its typed storage.
  package init(_ column: Column) {
    nullCount = column.nullCount
    switch column {
    case .int64(let c):
      let wide = PrimitiveColumn(values: c.widenedValues(), validity: c.validity)
      (distinctCount, minimum, maximum, examples) = ColumnSummary.summarise(wide, Value.int64)
    case .double(let c):
      (distinctCount, minimum, maximum, examples) = ColumnSummary.summarise(c, Value.double)
    case .bool(let c):
      let bytes = PrimitiveColumn(values: c.values.map { $0 ? UInt8(1) : 0 }, validity: c.validity)
      (distinctCount, minimum, maximum, examples) = ColumnSummary.summarise(bytes) {
        Value.bool($0 != 0)
      }
    case .period(let c):
      let ordinals = PrimitiveColumn(values: c.ordinals, validity: c.validity)
      (distinctCount, minimum, maximum, examples) = ColumnSummary.summarise(ordinals) {
        Value.period(Period(unit: c.unit, ordinal: $0))
      }
    case .string(let c):
      (distinctCount, minimum, maximum, examples) = ColumnSummary.summarise(c)
    }
  }

  private static func summarise<T: Hashable & Comparable & Sendable>(
    _ c: PrimitiveColumn<T>, _ box: (T) -> Value
  ) -> (Int, Value, Value, [Value]) {
    var seen = Set<T>()
    var low: T?
    var high: T?
    var examples: [Value] = []
    for row in 0..<c.count where c.validity.isValid(row) {
      let v = c.values[row]
      if seen.insert(v).inserted, examples.count < 3 { examples.append(box(v)) }
      if low.map({ v < $0 }) ?? true { low = v }
      if high.map({ v > $0 }) ?? true { high = v }
    }
    return (seen.count, low.map(box) ?? .null, high.map(box) ?? .null, examples)
  }

  private static func summarise(_ c: StringColumn) -> (Int, Value, Value, [Value]) {
    var used = [Bool](repeating: false, count: c.dictionary.count)
    var examples: [Value] = []
    var distinct = 0
    for row in 0..<c.count where c.validity.isValid(row) {
      let code = c.code(at: row)
      if !used[code] {
        used[code] = true
        distinct += 1
        if examples.count < 3 { examples.append(.string(c.dictionary[code])) }
      }
    }
    var low: String?
    var high: String?
    for (code, isUsed) in used.enumerated() where isUsed {
      let s = c.dictionary[code]
      if low.map({ s < $0 }) ?? true { low = s }
      if high.map({ s > $0 }) ?? true { high = s }
    }
    return (distinct, low.map(Value.string) ?? .null, high.map(Value.string) ?? .null, examples)
  }
}
