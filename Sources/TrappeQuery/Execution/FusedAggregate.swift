import TrappeStorage

/// `sum` and `avg` of an arithmetic expression (`avg(slut_uge - uge + 1)`, `sum(a * b)`),
/// evaluated ``chunk`` rows at a time straight into the per-group accumulators, so no
/// full-length temporary of the expression (nor of its sub-expressions) is materialised.
///
/// Results and warnings are those of the unfused path, exactly: each chunk is evaluated by
/// ``ExpressionEvaluator`` (so a row's overflow or division by zero is NULL and counted once,
/// as before), rows are accumulated in row order with the same arithmetic — int totals
/// exact (Int64 until a group's partial sum would overflow, then Int128), doubles with the
/// same Neumaier compensation as ``NeumaierSums`` — and finished like ``SumAggregate`` and
/// ``AvgAggregate`` (an int sum outside Int64 is NULL and counted as an overflow).
enum FusedAggregate {
  /// Rows per chunk (a multiple of 64: chunks start on validity word boundaries).
  static let chunk = 1 << 14

  /// Whether `function` over `expression` is computed here.
  static func applies(_ function: AggregateFunction, _ expression: BoundExpression, rows: Int) -> Bool {
    guard function == .sum || function == .avg, rows > chunk else { return false }
    guard case .arithmetic(_, _, _, let type) = expression, type == .int64 || type == .double else { return false }
    return rowWise(expression)
  }

  /// Whether the expression is plain row-by-row arithmetic on columns and constants (so a
  /// chunk's values are the whole column's values at those rows).
  static func rowWise(_ expression: BoundExpression) -> Bool {
    switch expression {
    case .column, .literal: return true
    case .arithmetic(_, let l, let r, _): return rowWise(l) && rowWise(r)
    case .negate(let x): return rowWise(x)
    default: return false
    }
  }

  /// The aggregate per group of `groups`, or nil when ``applies(_:_:rows:)`` is false.
  static func compute(
    _ function: AggregateFunction, _ expression: BoundExpression, on table: Table, groups: GroupIndex,
    warnings: inout EvaluationWarnings
  ) -> Column? {
    let n = table.rowCount
    guard applies(function, expression, rows: n), groups.rowCount == n else { return nil }
    let k = groups.groupCount
    var ints = IntegerTotals(groups: k)
    var doubles = CompensatedTotals(groups: k)
    var start = 0
    while start < n {
      let end = min(start + chunk, n)
      let part = Table(schema: table.schema, columns: table.columns.map { $0.rows(start..<end) })
      // A chunk's warnings name rows of the chunk: shift the first one to the table's row.
      var local = EvaluationWarnings()
      let column = ExpressionEvaluator.evaluate(expression, on: part, warnings: &local)
      if warnings.firstRow == nil, let row = local.firstRow { warnings.firstRow = start + row }
      if warnings.location == nil { warnings.location = local.location }
      warnings.merge(local)
      groups.groupOf.withUnsafeBufferPointer { g in
        let groupOf = UnsafeBufferPointer(rebasing: g[start..<end])
        switch column {
        case .int64(let c): ints.add(c, groupOf)
        case .double(let c): doubles.add(c.values, c.validity, groupOf)
        default: break
        }
      }
      start = end
    }
    let result: Column
    if expression.type == .int64 {
      result = function == .sum ? ints.sums(&warnings) : ints.averages()
    } else {
      result = function == .sum ? doubles.sumColumn() : doubles.averages()
    }
    return result.nullingNonFinite(&warnings)
  }

  /// Exact per-group int totals and non-NULL counts, carried from chunk to chunk.
  struct IntegerTotals {
    var narrow: [Int64]
    /// Set (from `narrow`, exactly) when a partial sum first leaves Int64; then used instead.
    var wide: [Int128]?
    var counts: [Int]

    init(groups k: Int) {
      narrow = [Int64](repeating: 0, count: k)
      counts = [Int](repeating: 0, count: k)
    }

    /// Adds `column`'s values per group, in one loop specialised for its stored width.
    mutating func add(_ column: Int64Column, _ g: UnsafeBufferPointer<Int32>) {
      switch column.storage {
      case .int8(let v): add(v, column.validity, g)
      case .int16(let v): add(v, column.validity, g)
      case .int32(let v): add(v, column.validity, g)
      case .int64(let v): add(v, column.validity, g)
      }
    }

    mutating func add<T: FixedWidthInteger & SignedInteger>(
      _ values: [T], _ validity: ValidityMask, _ g: UnsafeBufferPointer<Int32>
    ) {
      var row = 0
      let n = values.count
      if wide == nil {
        var overflowAt = -1
        narrow.withUnsafeMutableBufferPointer { s in
          counts.withUnsafeMutableBufferPointer { c in
            values.withUnsafeBufferPointer { v in
              validity.withValidityWords { bits in
                while row < n {
                  if bits.isValid(row) {
                    let group = Int(g[row])
                    let (sum, overflow) = s[group].addingReportingOverflow(Int64(v[row]))
                    if overflow {
                      overflowAt = row
                      return
                    }
                    s[group] = sum
                    c[group] &+= 1
                  }
                  row &+= 1
                }
              }
            }
          }
        }
        if overflowAt < 0 { return }
        // Every total so far is exact: continue from this row in Int128.
        wide = narrow.map { Int128($0) }
      }
      guard var totals = wide else { return }
      wide = nil
      totals.withUnsafeMutableBufferPointer { s in
        counts.withUnsafeMutableBufferPointer { c in
          values.withUnsafeBufferPointer { v in
            validity.withValidityWords { bits in
              for r in row..<n where bits.isValid(r) {
                let group = Int(g[r])
                s[group] += Int128(v[r])
                c[group] &+= 1
              }
            }
          }
        }
      }
      wide = totals
    }

    func total(_ group: Int) -> Int128 { wide?[group] ?? Int128(narrow[group]) }

    /// Like ``SumAggregate``: NULL for a group without values or whose total leaves Int64.
    func sums(_ warnings: inout EvaluationWarnings) -> Column {
      var sums = [Int64](repeating: 0, count: counts.count)
      var seen = counts.map { $0 > 0 }
      for group in 0..<counts.count where seen[group] {
        if let total = Int64(exactly: total(group)) {
          sums[group] = total
        } else {
          seen[group] = false
          warnings.overflows += 1
        }
      }
      return .int64(Int64Column(values: sums, validity: .fromFlags(seen)))
    }

    /// Like ``AvgAggregate``: the exact total over the count, rounded once.
    func averages() -> Column {
      var means = [Double](repeating: 0, count: counts.count)
      for group in 0..<counts.count where counts[group] > 0 {
        let t = total(group)
        let sum = Int64(exactly: t).map { Double($0) } ?? Double(t)
        means[group] = sum / Double(counts[group])
      }
      return .double(PrimitiveColumn(values: means, validity: .fromFlags(counts.map { $0 > 0 })))
    }
  }

  /// Neumaier-compensated per-group double totals and counts, carried from chunk to chunk
  /// (the same operations in the same row order as ``NeumaierSums``).
  struct CompensatedTotals {
    var sums: [Double]
    var compensation: [Double]
    var counts: [Int64]

    init(groups k: Int) {
      sums = [Double](repeating: 0, count: k)
      compensation = [Double](repeating: 0, count: k)
      counts = [Int64](repeating: 0, count: k)
    }

    mutating func add(_ values: [Double], _ validity: ValidityMask, _ g: UnsafeBufferPointer<Int32>) {
      sums.withUnsafeMutableBufferPointer { s in
        compensation.withUnsafeMutableBufferPointer { c in
          counts.withUnsafeMutableBufferPointer { n in
            values.withUnsafeBufferPointer { v in
              validity.withValidityWords { bits in
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  let x = v[row]
                  let sum = s[group]
                  let total = sum + x
                  c[group] += abs(sum) >= abs(x) ? (sum - total) + x : (x - total) + sum
                  s[group] = total
                  n[group] &+= 1
                }
              }
            }
          }
        }
      }
    }

    /// The corrected totals (an infinite or NaN total keeps its plain value, as in ``NeumaierSums``).
    func corrected() -> [Double] {
      (0..<sums.count).map { group in
        let value = sums[group] + compensation[group]
        return value.isFinite ? value : sums[group]
      }
    }

    func sumColumn() -> Column {
      let seen = counts.map { $0 > 0 }
      let output = zip(corrected(), seen).map { $1 ? $0 : 0 }
      return .double(PrimitiveColumn(values: output, validity: .fromFlags(seen)))
    }

    func averages() -> Column {
      let totals = corrected()
      var means = [Double](repeating: 0, count: counts.count)
      for group in 0..<counts.count where counts[group] > 0 {
        means[group] = totals[group] / Double(counts[group])
      }
      return .double(PrimitiveColumn(values: means, validity: .fromFlags(counts.map { $0 > 0 })))
    }
  }
}

extension Column {
  /// Rows `range` as a column of their own; `range.lowerBound` must be a multiple of 64 when
  /// the column has NULLs (chunks of ``FusedAggregate`` are).
  func rows(_ range: Range<Int>) -> Column {
    func mask(_ validity: ValidityMask) -> ValidityMask {
      guard validity.hasNulls else { return ValidityMask(allValid: range.count) }
      let first = range.lowerBound >> 6
      let last = (range.upperBound + 63) >> 6
      return ValidityMask(words: Array(validity.words[first..<last]), count: range.count)
    }
    switch self {
    case .int64(let c): return .int64(Int64Column(storage: c.slice(range), validity: mask(c.validity)))
    case .double(let c): return .double(PrimitiveColumn(values: Array(c.values[range]), validity: mask(c.validity)))
    case .bool(let c): return .bool(PrimitiveColumn(values: Array(c.values[range]), validity: mask(c.validity)))
    case .string(let c):
      return .string(StringColumn(storage: c.storage.slice(range), dictionary: c.dictionary, validity: mask(c.validity)))
    case .period(let c):
      return .period(PeriodColumn(unit: c.unit, ordinals: Array(c.ordinals[range]), validity: mask(c.validity)))
    }
  }
}
