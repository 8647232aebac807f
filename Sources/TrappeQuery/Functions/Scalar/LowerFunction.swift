import TrappeStorage

/// `lower(s)`: Unicode lower case ("ÆØÅ" gives "æøå"), applied to each dictionary entry once.
enum LowerFunction {
  static func apply(_ x: Column) -> Column {
    guard case .string(let c) = x else { return .nulls(.string, count: x.count) }
    return .string(DictionaryKernel.mapStrings(c) { $0.lowercased() })
  }
}
