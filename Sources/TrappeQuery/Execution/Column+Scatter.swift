import TrappeStorage

extension Column {
  /// A column of `count` rows holding row `j` of this column at `rows[j]`, NULL elsewhere.
  ///
  /// The inverse of ``gather(_:)``: it puts the result of evaluating an
  /// expression on a subset of rows back in place.
  func scatter(_ rows: [Int32], count: Int) -> Column {
    switch self {
    case .int64(let c):
      // The scattered column keeps the source's width.
      switch c.storage {
      case .int8(let v):
        let (values, validity) = Column.scatter(v, c.validity, rows, count, placeholder: 0)
        return .int64(Int64Column(storage: .int8(values), validity: validity))
      case .int16(let v):
        let (values, validity) = Column.scatter(v, c.validity, rows, count, placeholder: 0)
        return .int64(Int64Column(storage: .int16(values), validity: validity))
      case .int32(let v):
        let (values, validity) = Column.scatter(v, c.validity, rows, count, placeholder: 0)
        return .int64(Int64Column(storage: .int32(values), validity: validity))
      case .int64(let v):
        let (values, validity) = Column.scatter(v, c.validity, rows, count, placeholder: 0)
        return .int64(Int64Column(storage: .int64(values), validity: validity))
      }
    case .double(let c):
      let (values, validity) = Column.scatter(c.values, c.validity, rows, count, placeholder: 0)
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool(let c):
      let (values, validity) = Column.scatter(c.values, c.validity, rows, count, placeholder: false)
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .string(let c):
      // The codes keep their width (same dictionary).
      let codes: DictionaryCodes, validity: ValidityMask
      switch c.storage {
      case .u8(let a):
        let r = Column.scatter(a, c.validity, rows, count, placeholder: 0)
        (codes, validity) = (.u8(r.0), r.1)
      case .u16(let a):
        let r = Column.scatter(a, c.validity, rows, count, placeholder: 0)
        (codes, validity) = (.u16(r.0), r.1)
      case .u32(let a):
        let r = Column.scatter(a, c.validity, rows, count, placeholder: 0)
        (codes, validity) = (.u32(r.0), r.1)
      }
      return .string(StringColumn(storage: codes, dictionary: c.dictionary, validity: validity))
    case .period(let c):
      let (ordinals, validity) = Column.scatter(c.ordinals, c.validity, rows, count, placeholder: 0)
      return .period(PeriodColumn(unit: c.unit, ordinals: ordinals, validity: validity))
    }
  }

  private static func scatter<T>(
    _ values: [T], _ validity: ValidityMask, _ rows: [Int32], _ count: Int, placeholder: T
  ) -> ([T], ValidityMask) {
    var out = [T](repeating: placeholder, count: count)
    var valid = [Bool](repeating: false, count: count)
    let source = ValidityWords(validity)
    out.withUnsafeMutableBufferPointer { o in
      valid.withUnsafeMutableBufferPointer { v in
        values.withUnsafeBufferPointer { x in
          for (j, row) in rows.enumerated() {
            o[Int(row)] = x[j]
            v[Int(row)] = source.isValid(j)
          }
        }
      }
    }
    return (out, ValidityMask(flags: valid))
  }
}
