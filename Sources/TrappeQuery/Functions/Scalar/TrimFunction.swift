import TrappeStorage

/// `trim(s)`: s without the spaces (U+0020 only, as DuckDB's `trim`) at both ends, per dictionary entry.
enum TrimFunction {
  static func apply(_ x: Column) -> Column {
    guard case .string(let c) = x else { return .nulls(.string, count: x.count) }
    return .string(DictionaryKernel.mapStrings(c, trimmed))
  }

  static func trimmed(_ s: String) -> String {
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
    guard let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
    return String(scalars[first...last])
  }
}
