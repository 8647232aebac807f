import TrappeStorage

/// Builds a column by taking each row from one of several candidate columns:
/// the last step of `case`/`if` and `coalesce`.
enum ChoiceKernel {
  /// Row `i` takes its value from `columns[choice[i]]`, or NULL when
  /// `choice[i] >= columns.count`.
  ///
  /// Every column must already have `type`. String dictionaries are merged.
  /// Periods take the unit of the first column that supplies a value; a chosen,
  /// non-NULL value of another unit becomes NULL and counts
  /// ``EvaluationWarnings/periodUnitMismatches``.
  static func pick(
    _ columns: [Column], choice: [UInt32], type: DataType, count: Int,
    warnings: inout EvaluationWarnings
  ) -> Column {
    switch type {
    case .int64:
      let inputs = columns.map { column -> ([Int64], ValidityMask) in
        if case .int64(let c) = column { return (c.widenedValues(), c.validity) }
        return ([Int64](repeating: 0, count: count), ValidityWords(allValid: count).nullMask)
      }
      let (values, validity) = pick(inputs, choice: choice, placeholder: 0, count: count)
      return .int64(Int64Column(values: values, validity: validity))
    case .double:
      let inputs = columns.map { column -> ([Double], ValidityMask) in
        if case .double(let c) = column { return (c.values, c.validity) }
        return ([Double](repeating: 0, count: count), ValidityWords(allValid: count).nullMask)
      }
      let (values, validity) = pick(inputs, choice: choice, placeholder: 0, count: count)
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool:
      let inputs = columns.map { column -> ([Bool], ValidityMask) in
        if case .bool(let c) = column { return (c.values, c.validity) }
        return ([Bool](repeating: false, count: count), ValidityWords(allValid: count).nullMask)
      }
      let (values, validity) = pick(inputs, choice: choice, placeholder: false, count: count)
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .string:
      let strings = columns.map { column -> StringColumn in
        if case .string(let c) = column { return c }
        return StringColumn(
          storage: .zeros(count, entries: 0), dictionary: [],
          validity: ValidityWords(allValid: count).nullMask)
      }
      let (dictionary, codes) = DictionaryKernel.unify(strings)
      let inputs = zip(codes, strings).map { ($0, $1.validity) }
      let (values, validity) = pick(inputs, choice: choice, placeholder: 0, count: count)
      return .string(StringColumn(codes: values, dictionary: dictionary, validity: validity))
    case .period:
      let periods = columns.map { column -> PeriodColumn? in
        if case .period(let c) = column { return c }
        return nil
      }
      let unit = firstSuppliedUnit(periods, choice: choice) ?? .year
      var inputs: [([Int32], ValidityMask)] = []
      for (k, column) in periods.enumerated() {
        if let column, column.unit == unit {
          inputs.append((column.ordinals, column.validity))
          continue
        }
        if let column {
          let valid = ValidityWords(column.validity)
          for i in 0..<count where choice[i] == UInt32(k) && valid.isValid(i) {
            warnings.periodUnitMismatches += 1
          }
        }
        inputs.append(([Int32](repeating: 0, count: count), ValidityWords(allValid: count).nullMask))
      }
      let (values, validity) = pick(inputs, choice: choice, placeholder: 0, count: count)
      return .period(PeriodColumn(unit: unit, ordinals: values, validity: validity))
    }
  }

  private static func firstSuppliedUnit(_ columns: [PeriodColumn?], choice: [UInt32]) -> PeriodUnit? {
    var used = [Bool](repeating: false, count: columns.count)
    for k in choice where Int(k) < columns.count { used[Int(k)] = true }
    for (k, column) in columns.enumerated() where used[k] {
      if let column { return column.unit }
    }
    return columns.lazy.compactMap { $0 }.first?.unit
  }

  /// The typed pick: one pass per candidate column.
  private static func pick<T>(
    _ inputs: [([T], ValidityMask)], choice: [UInt32], placeholder: T, count n: Int
  ) -> ([T], ValidityMask) {
    var out = [T](repeating: placeholder, count: n)
    var valid = [Bool](repeating: false, count: n)
    choice.withUnsafeBufferPointer { c in
      out.withUnsafeMutableBufferPointer { o in
        valid.withUnsafeMutableBufferPointer { v in
          for (k, input) in inputs.enumerated() {
            let key = UInt32(k)
            let validity = ValidityWords(input.1)
            input.0.withUnsafeBufferPointer { x in
              for i in 0..<n where c[i] == key {
                o[i] = x[i]
                v[i] = validity.isValid(i)
              }
            }
          }
        }
      }
    }
    return (out, ValidityMask(flags: valid))
  }
}
