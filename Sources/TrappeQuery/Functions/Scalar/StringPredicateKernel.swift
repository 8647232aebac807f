import TrappeStorage

/// A two-string test (`contains`, `startswith`, `endswith`) decided per
/// dictionary entry, then mapped to rows by code.
///
/// With a constant second argument the test runs once per distinct text; with
/// a column it runs once per distinct pair of texts. NULL in either gives NULL.
enum StringPredicateKernel {
  static func apply(
    _ text: Column, _ part: Operand?, count: Int, test: (String, String) -> Bool
  ) -> Column {
    guard case .string(let c) = text, let part else { return .nulls(.bool, count: count) }
    switch part {
    case .scalar(let value, _):
      guard case .string(let p) = value else { return .nulls(.bool, count: count) }
      let table = c.dictionary.map { test($0, p) }
      return .bool(
        PrimitiveColumn(
          values: DictionaryKernel.gather(table, codes: c.storage, placeholder: false), validity: c.validity))
    case .column(let column):
      guard case .string(let p) = column else { return .nulls(.bool, count: count) }
      let width = p.dictionary.count
      var memo: [Int: Bool] = [:]
      let n = c.count
      let out = (0..<n).map { i -> Bool in
        let a = c.code(at: i), b = p.code(at: i)
        guard a < c.dictionary.count, b < width else { return false }
        let key = a * width + b
        if let known = memo[key] { return known }
        let result = test(c.dictionary[a], p.dictionary[b])
        memo[key] = result
        return result
      }
      return .bool(PrimitiveColumn(values: out, validity: ValidityWords(c.validity, p.validity).mask))
    }
  }
}
