import TrappeStorage

/// `x in (constants...)`.
///
/// NULL when x is NULL. A NULL among the constants follows SQL: a row that
/// matches no constant gives NULL instead of false (and `not in` likewise gives
/// NULL instead of true). Constants of another type never match (an int
/// constant matches a double column numerically; a string constant matching a
/// period column is parsed).
///
/// String columns decide once per dictionary entry and then look the row's
/// code up in a `[Bool]`; short int lists are scanned per row, long ones hashed.
enum InListKernel {
  /// `column in values` (`not in` when `negated`).
  static func evaluate(_ column: Column, _ values: [Value], negated: Bool) -> Column {
    let hasNullConstant = values.contains { $0.isNull }
    let found: [Bool]
    switch column {
    case .int64(let c):
      let wanted = values.compactMap { $0.int64Value }
      found = matches(c.widenedValues(), wanted)
    case .double(let c):
      let wanted = values.compactMap { $0.doubleValue }
      found = matches(c.values, wanted)
    case .bool(let c):
      let wanted = values.compactMap { $0.boolValue }
      let table = [wanted.contains(false), wanted.contains(true)]
      found = c.values.map { table[$0 ? 1 : 0] }
    case .string(let c):
      let wanted = Set(values.compactMap { v -> String? in
        if case .string(let s) = v { return s }
        return nil
      })
      let table = c.dictionary.map { wanted.contains($0) }
      found = DictionaryKernel.gather(table, codes: c.storage, placeholder: false)
    case .period(let c):
      let wanted = values.compactMap { $0.periodValue }.filter { $0.unit == c.unit }.map(\.ordinal)
      found = matches(c.ordinals, wanted)
    }
    var validity = ValidityWords(column.validity)
    let n = found.count
    let out: [Bool]
    if hasNullConstant {
      out = [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
        for i in 0..<n {
          buffer.initializeElement(at: i, to: found[i] != negated)
          if !found[i] { validity.invalidate(i) }
        }
        initialized = n
      }
    } else {
      out = negated ? found.map { !$0 } : found
    }
    return .bool(PrimitiveColumn(values: out, validity: validity.mask))
  }

  /// Whether each value is among `wanted`.
  private static func matches<T: Hashable>(_ values: [T], _ wanted: [T]) -> [Bool] {
    let n = values.count
    if wanted.isEmpty { return [Bool](repeating: false, count: n) }
    if wanted.count <= 8 {
      return [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
        values.withUnsafeBufferPointer { x in
          wanted.withUnsafeBufferPointer { w in
            for i in 0..<n {
              let v = x[i]
              var hit = false
              for k in 0..<w.count { hit = hit || w[k] == v }
              buffer.initializeElement(at: i, to: hit)
            }
          }
        }
        initialized = n
      }
    }
    let set = Set(wanted)
    return values.map { set.contains($0) }
  }
}
