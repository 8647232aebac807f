import TrappeStorage

/// `period(x)`: a period from an int year (`period(2008)`) or text (`period("2008K3")`).
///
/// Text is parsed once per dictionary entry with ``Period/init(_:)``; text
/// that does not parse gives NULL and counts
/// ``EvaluationWarnings/failedConversions``. A column holds one unit, so the
/// unit of the first parsed entry wins; entries of another unit give NULL and
/// count ``EvaluationWarnings/periodUnitMismatches``. An integral double is a
/// year; a period is returned unchanged; NULL gives NULL.
enum PeriodFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .period: return x
    case .int64(let c):
      let (years, validity) = FailableConversion.apply(
        c.widenedValues(), validity: c.validity, failures: &warnings.failedConversions) { Int32(exactly: $0) }
      return .period(PeriodColumn(unit: .year, ordinals: years, validity: validity))
    case .double(let c):
      var validity = ValidityWords(c.validity)
      let out = c.values.enumerated().map { i, v -> Int32 in
        if let year = Int32(exactly: v) { return year }
        if validity.invalidate(i) { warnings.failedConversions += 1 }
        return 0
      }
      return .period(PeriodColumn(unit: .year, ordinals: out, validity: validity.mask))
    case .string(let c):
      let parsed = c.dictionary.map { Period($0) }
      let unit = parsed.lazy.compactMap { $0 }.first?.unit ?? .year
      let (parsedValidity, unparsed) = DictionaryKernel.validity(c, ok: parsed.map { $0 != nil })
      let parsedColumn = StringColumn(storage: c.storage, dictionary: c.dictionary, validity: parsedValidity)
      let (validity, mismatched) = DictionaryKernel.validity(
        parsedColumn, ok: parsed.map { $0 == nil || $0?.unit == unit })
      warnings.failedConversions += unparsed
      warnings.periodUnitMismatches += mismatched
      let ordinals = DictionaryKernel.gather(parsed.map { $0?.ordinal ?? 0 }, codes: c.storage, placeholder: 0)
      return .period(PeriodColumn(unit: unit, ordinals: ordinals, validity: validity))
    case .bool(let c):
      warnings.failedConversions += c.count - c.validity.nullCount
      return .nulls(.period, count: c.count)
    }
  }
}
