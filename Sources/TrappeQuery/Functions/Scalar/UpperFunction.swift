import TrappeStorage

/// `upper(s)`: Unicode upper case ("æøå" gives "ÆØÅ"), applied to each dictionary entry once.
enum UpperFunction {
  static func apply(_ x: Column) -> Column {
    guard case .string(let c) = x else { return .nulls(.string, count: x.count) }
    return .string(DictionaryKernel.mapStrings(c) { $0.uppercased() })
  }
}
