import TrappeStorage

/// `double(x)`: x as a double.
///
/// An int converts (exactly up to 2^53). Text is parsed once per dictionary
/// entry (surrounding spaces ignored; `"2.5"`, `"-1e3"`; NaN and infinity are
/// rejected). A bool is 0 or 1; a year period its year. What does not convert
/// gives NULL and counts ``EvaluationWarnings/failedConversions``; NULL gives NULL.
enum DoubleFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .double: return x
    case .int64(let c):
      return .double(PrimitiveColumn(values: c.doubleValues(), validity: c.validity))
    case .bool(let c):
      return .double(PrimitiveColumn(values: c.values.map { $0 ? 1 : 0 }, validity: c.validity))
    case .string(let c):
      let parsed = c.dictionary.map { parse(trim($0)) }
      let (validity, failures) = DictionaryKernel.validity(c, ok: parsed.map { $0 != nil })
      warnings.failedConversions += failures
      let values = DictionaryKernel.gather(parsed.map { $0 ?? 0 }, codes: c.storage, placeholder: 0)
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .period(let c):
      guard c.unit == .year else {
        warnings.failedConversions += c.count - c.validity.nullCount
        return .nulls(.double, count: c.count)
      }
      return .double(PrimitiveColumn(values: c.ordinals.converted { Double($0) }, validity: c.validity))
    }
  }

  /// Finite decimal text as a double.
  static func parse(_ text: Substring) -> Double? {
    guard let value = Double(text), value.isFinite else { return nil }
    return value
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trim(_ text: String) -> Substring {
    var slice = Substring(text)
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return slice
  }
}
