
extension Column {
  /// The rows at `indices`, in that order; an index of -1 gives a NULL row (for outer joins).
  ///
  /// This is how filters, sorts, joins and `take` materialise their result:
  /// one typed loop per column, dictionary codes copied as they are.
  package func gather(_ indices: [Int32]) -> Column {
    // Never stops: the result is always there.
    gatherStopping(indices, stop: { false }) ?? .nulls(type, count: indices.count)
  }

  /// ``gather(_:)`` that calls `poll` every ``gatherChunk`` rows, so a long gather (a join's
  /// output columns) can stop on Ctrl-C: `poll` throws to stop, e.g. `Interrupt.check`.
  ///
  /// The loops themselves are not generic over the error type (a generic call from another
  /// module would run them unspecialised): `poll` is wrapped in a non-throwing stop test.
  package func gather<E: Error>(_ indices: [Int32], polling poll: () throws(E) -> Void) throws(E) -> Column {
    var failure: E?
    let column = gatherStopping(indices) {
      do throws(E) {
        try poll()
        return false
      } catch {
        failure = error
        return true
      }
    }
    if let failure { throw failure }
    return column ?? .nulls(type, count: indices.count)
  }

  /// The gathered column, or nil when `stop` (asked every ``gatherChunk`` rows) returned true.
  private func gatherStopping(_ indices: [Int32], stop: () -> Bool) -> Column? {
    switch self {
    case .int64(let c):
      // The gathered column keeps the source's width.
      switch c.storage {
      case .int8(let v):
        guard let (values, validity) = Column.gather(v, c.validity, indices, placeholder: 0, stop)
        else { return nil }
        return .int64(Int64Column(storage: .int8(values), validity: validity))
      case .int16(let v):
        guard let (values, validity) = Column.gather(v, c.validity, indices, placeholder: 0, stop)
        else { return nil }
        return .int64(Int64Column(storage: .int16(values), validity: validity))
      case .int32(let v):
        guard let (values, validity) = Column.gather(v, c.validity, indices, placeholder: 0, stop)
        else { return nil }
        return .int64(Int64Column(storage: .int32(values), validity: validity))
      case .int64(let v):
        guard let (values, validity) = Column.gather(v, c.validity, indices, placeholder: 0, stop)
        else { return nil }
        return .int64(Int64Column(storage: .int64(values), validity: validity))
      }
    case .double(let c):
      guard let (values, validity) = Column.gather(c.values, c.validity, indices, placeholder: 0, stop)
      else { return nil }
      return .double(PrimitiveColumn(values: values, validity: validity))
    case .bool(let c):
      guard let (values, validity) = Column.gather(c.values, c.validity, indices, placeholder: false, stop)
      else { return nil }
      return .bool(PrimitiveColumn(values: values, validity: validity))
    case .string(let c):
      // The codes keep their width (same dictionary): one loop specialised per width.
      let gathered: (DictionaryCodes, ValidityMask)?
      switch c.storage {
      case .u8(let a): gathered = Column.gather(a, c.validity, indices, placeholder: 0, stop).map { (.u8($0.0), $0.1) }
      case .u16(let a): gathered = Column.gather(a, c.validity, indices, placeholder: 0, stop).map { (.u16($0.0), $0.1) }
      case .u32(let a): gathered = Column.gather(a, c.validity, indices, placeholder: 0, stop).map { (.u32($0.0), $0.1) }
      }
      guard let (codes, validity) = gathered else { return nil }
      return .string(StringColumn(storage: codes, dictionary: c.dictionary, validity: validity))
    case .period(let c):
      guard let (ordinals, validity) = Column.gather(c.ordinals, c.validity, indices, placeholder: 0, stop)
      else { return nil }
      return .period(PeriodColumn(unit: c.unit, ordinals: ordinals, validity: validity))
    }
  }

  /// Rows between two calls of a gather's `poll` (about 5 ms of work).
  static let gatherChunk = 1 << 20

  /// One typed loop into a pre-sized array (no append, no per-row validity branch when the
  /// source has no NULLs and no index is -1); validity is written a 64-bit word at a time.
  /// Nil when `stop` returned true (only trivial element types are gathered, so a partly
  /// filled array needs no clean-up).
  @inline(__always)
  private static func gather<T>(
    _ values: [T], _ validity: ValidityMask, _ indices: [Int32], placeholder: T, _ stop: () -> Bool
  ) -> ([T], ValidityMask)? {
    let n = indices.count
    let checkNulls = validity.hasNulls
    var anyMissing = false
    var stopped = false
    let out = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
      values.withUnsafeBufferPointer { source in
        indices.withUnsafeBufferPointer { idx in
          var start = 0
          while start < n {
            if stop() {
              stopped = true
              break
            }
            let end = Swift.min(start + gatherChunk, n)
            var missing: UInt = 0
            for i in start..<end {
              let index = Int(idx[i])
              if index >= 0 {
                buffer.initializeElement(at: i, to: source[index])
              } else {
                buffer.initializeElement(at: i, to: placeholder)
                missing |= 1
              }
            }
            if missing != 0 { anyMissing = true }
            start = end
          }
        }
      }
      initialized = stopped ? 0 : n
    }
    if stopped { return nil }
    if !checkNulls && !anyMissing { return (out, ValidityMask(allValid: n)) }
    var words = [UInt64](repeating: 0, count: (n + 63) >> 6)
    words.withUnsafeMutableBufferPointer { w in
      indices.withUnsafeBufferPointer { idx in
        for i in 0..<n {
          let index = Int(idx[i])
          let valid = index >= 0 && (!checkNulls || validity.isValid(index))
          w[i &>> 6] |= (valid ? 1 : 0) &<< UInt64(i & 63)
        }
      }
    }
    return (out, ValidityMask(words: words, count: n))
  }

  /// A column of `count` NULLs of `type` (periods get `unit`).
  package static func nulls(_ type: DataType, count: Int, unit: PeriodUnit = .year) -> Column {
    var mask = ValidityMask(allValid: 0)
    for _ in 0..<count { mask.append(false) }
    switch type {
    case .int64: return .int64(Int64Column(values: [Int64](repeating: 0, count: count), validity: mask))
    case .double: return .double(PrimitiveColumn(values: [Double](repeating: 0, count: count), validity: mask))
    case .bool: return .bool(PrimitiveColumn(values: [Bool](repeating: false, count: count), validity: mask))
    case .string:
      return .string(StringColumn(storage: .zeros(count, entries: 0), dictionary: [], validity: mask))
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
