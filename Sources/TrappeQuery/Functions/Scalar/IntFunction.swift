import TrappeStorage

/// `int(x)`: x as an int.
///
/// A double is truncated toward zero (`int(-2.7)` is -2); NaN, infinity or a
/// value outside the 64-bit range gives NULL. Text is parsed once per
/// dictionary entry (surrounding spaces ignored; `"42"`, `"-7"`, and decimal
/// text like `"2.5"` truncated). A bool is 0 or 1; a year period its year.
/// What does not convert gives NULL and counts
/// ``EvaluationWarnings/failedConversions``; NULL gives NULL.
enum IntFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .int64: return x
    case .double(let c):
      let (values, validity) = FailableConversion.apply(
        c.values, validity: c.validity, failures: &warnings.failedConversions, truncate)
      return .int64(Int64Column(values: values, validity: validity))
    case .bool(let c):
      return .int64(Int64Column(values: c.values.map { $0 ? 1 : 0 }, validity: c.validity))
    case .string(let c):
      let parsed = c.dictionary.map(parse)
      let (validity, failures) = DictionaryKernel.validity(c, ok: parsed.map { $0 != nil })
      warnings.failedConversions += failures
      let values = DictionaryKernel.gather(parsed.map { $0 ?? 0 }, codes: c.storage, placeholder: 0)
      return .int64(Int64Column(values: values, validity: validity))
    case .period(let c):
      guard c.unit == .year else {
        warnings.failedConversions += c.count - c.validity.nullCount
        return .nulls(.int64, count: c.count)
      }
      return .int64(Int64Column(values: c.ordinals.converted { Int64($0) }, validity: c.validity))
    }
  }

  /// `v` truncated toward zero, or nil when it has no int value.
  @inline(__always)
  static func truncate(_ v: Double) -> Int64? {
    Int64(exactly: v.rounded(.towardZero))
  }

  /// Text as an int: integer syntax, or decimal syntax truncated.
  static func parse(_ text: String) -> Int64? {
    let trimmed = DoubleFunction.trim(text)
    if let value = Int64(trimmed) { return value }
    if trimmed.hasPrefix("+"), let value = Int64(trimmed.dropFirst()) { return value }
    return DoubleFunction.parse(trimmed).flatMap(truncate)
  }
}
