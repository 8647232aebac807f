import TrappeStorage

/// `length(s)`: the number of characters (grapheme clusters: "æøå" is 3), per dictionary entry.
enum LengthFunction {
  static func apply(_ x: Column) -> Column {
    guard case .string(let c) = x else { return .nulls(.int64, count: x.count) }
    let table = c.dictionary.map { Int64($0.count) }
    return .int64(
      Int64Column(values: DictionaryKernel.gather(table, codes: c.storage, placeholder: 0), validity: c.validity))
  }
}
