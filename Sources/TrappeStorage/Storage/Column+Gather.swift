
extension Column {
  /// The rows at `indices`, in that order; an index of -1 gives a NULL row (for outer joins).
  ///
  /// This is how filters, sorts, joins and `take` materialise their result:
  /// one typed loop per column, dictionary codes copied as they are.
  package func gather(_ indices: [Int32]) -> Column {
    gather(indices, polling: { () throws(Never) in })
  }

  /// ``gather(_:)`` that calls `poll` every ``gatherChunk`` rows, so a long gather (a join's
  /// output columns) can stop on Ctrl-C: `poll` throws to stop, e.g. `Interrupt.check`.
  package func gather<E: Error>(_ indices: [Int32], polling poll: () throws(E) -> Void) throws(E) -> Column {
    switch self {
    case .int64(let c):
      let (values, validity) = try Column.gather(c.values, c.validity, indices, placeholder: 0, poll)
      return .int64(PrimitiveColumn(values: values, validity: validity))
    case .double(let c):
      let (values, validity) = try Column.gather(c.values, c.validity, indices, placeholder: 0, poll)
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool(let c):
      let (values, validity) = try Column.gather(c.values, c.validity, indices, placeholder: false, poll)
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .string(let c):
      let (codes, validity) = try Column.gather(c.codes, c.validity, indices, placeholder: 0, poll)
      return .string(StringColumn(codes: codes, dictionary: c.dictionary, validity: validity))
    case .period(let c):
      let (ordinals, validity) = try Column.gather(c.ordinals, c.validity, indices, placeholder: 0, poll)
      return .period(PeriodColumn(unit: c.unit, ordinals: ordinals, validity: validity))
    }
  }

  /// Rows between two calls of a gather's `poll` (about 5 ms of work).
  static let gatherChunk = 1 << 20

  private static func gather<T, E: Error>(
    _ values: [T], _ validity: ValidityMask, _ indices: [Int32], placeholder: T, _ poll: () throws(E) -> Void
  ) throws(E) -> ([T], ValidityMask) {
    var out = [T]()
    out.reserveCapacity(indices.count)
    var mask = ValidityMask(allValid: 0)
    // A -1 index is NULL by its own branch; only a source with NULLs needs its validity read.
    let checkNulls = validity.hasNulls
    var start = 0
    while start < indices.count {
      try poll()
      let end = min(start + gatherChunk, indices.count)
      values.withUnsafeBufferPointer { source in
        for index in indices[start..<end] {
          if index < 0 {
            out.append(placeholder)
            mask.append(false)
          } else {
            out.append(source[Int(index)])
            if checkNulls { mask.append(validity.isValid(Int(index))) } else { mask.append(true) }
          }
        }
      }
      start = end
    }
    return (out, mask)
  }

  /// A column of `count` NULLs of `type` (periods get `unit`).
  package static func nulls(_ type: DataType, count: Int, unit: PeriodUnit = .year) -> Column {
    var mask = ValidityMask(allValid: 0)
    for _ in 0..<count { mask.append(false) }
    switch type {
    case .int64: return .int64(PrimitiveColumn(values: [Int64](repeating: 0, count: count), validity: mask))
    case .double: return .double(PrimitiveColumn(values: [Double](repeating: 0, count: count), validity: mask))
    case .bool: return .bool(PrimitiveColumn(values: [Bool](repeating: false, count: count), validity: mask))
    case .string:
      return .string(StringColumn(codes: [UInt32](repeating: 0, count: count), dictionary: [], validity: mask))
    case .period:
      return .period(PeriodColumn(unit: unit, ordinals: [Int32](repeating: 0, count: count), validity: mask))
    }
  }
}

extension Table {
  /// The rows at `indices` of every column (see ``Column/gather(_:)``).
  package func gather(_ indices: [Int32]) -> Table {
    Table(schema: schema, columns: columns.map { $0.gather(indices) })
  }

  /// A table with the same columns under new names.
  package func renamed(_ names: [String]) -> Table {
    Table(Array(zip(names, columns)))
  }
}
