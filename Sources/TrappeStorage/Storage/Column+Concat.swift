
extension Column {
  /// The rows of this column followed by the rows of `other`, or nil when the types do not fit.
  ///
  /// - The types must match, except that int and double combine into a double column.
  /// - Strings merge dictionaries: this column's codes stay, entries of `other`
  ///   that are new are appended, and `other`'s codes are remapped once per
  ///   distinct entry.
  /// - Periods must share a unit.
  package func concatenated(_ other: Column) -> Column? {
    let validity = ValidityMask.concatenated(self.validity, other.validity)
    switch (self, other) {
    case (.int64(let a), .int64(let b)):
      // The wider of the two widths holds both.
      let bits = Swift.max(a.bitWidth, b.bitWidth)
      switch (a.widened(toBits: bits), b.widened(toBits: bits)) {
      case (.int8(let x), .int8(let y)): return .int64(Int64Column(storage: .int8(x + y), validity: validity))
      case (.int16(let x), .int16(let y)): return .int64(Int64Column(storage: .int16(x + y), validity: validity))
      case (.int32(let x), .int32(let y)): return .int64(Int64Column(storage: .int32(x + y), validity: validity))
      default: return .int64(Int64Column(values: a.widenedValues() + b.widenedValues(), validity: validity))
      }
    case (.double(let a), .double(let b)):
      return .double(PrimitiveColumn(values: a.values + b.values, validity: validity))
    case (.int64(let a), .double(let b)):
      return .double(PrimitiveColumn(values: a.doubleValues() + b.values, validity: validity))
    case (.double(let a), .int64(let b)):
      return .double(PrimitiveColumn(values: a.values + b.doubleValues(), validity: validity))
    case (.bool(let a), .bool(let b)):
      return .bool(PrimitiveColumn(values: a.values + b.values, validity: validity))
    case (.period(let a), .period(let b)):
      guard a.unit == b.unit else { return nil }
      return .period(PeriodColumn(unit: a.unit, ordinals: a.ordinals + b.ordinals, validity: validity))
    case (.string(let a), .string(let b)):
      var merge = DictionaryMerge(keeping: a.dictionary)
      let remap = merge.append(b.dictionary)
      let dictionary = merge.dictionary
      // The merged dictionary may need wider codes than either side: both are widened to 32
      // bits once and the result is sized to the merged dictionary.
      var codes = a.widenedCodes()
      codes.reserveCapacity(a.count + b.count)
      for code in b.widenedCodes() {
        // Null slots may hold any code, even one outside an empty dictionary.
        codes.append(Int(code) < remap.count ? remap[Int(code)] : 0)
      }
      return .string(StringColumn(codes: codes, dictionary: dictionary, validity: validity))
    default:
      return nil
    }
  }
}
