import TrappeStorage

/// Typed loops for `+ - * / %`, negation and period arithmetic.
///
/// Rules (the binder and the docs rely on them):
/// - NULL in either operand gives NULL.
/// - int op int gives int for `+ - * %`; a result outside the 64-bit range
///   gives NULL and counts ``EvaluationWarnings/overflows``.
/// - `/` always gives a double: `3 / 4` is 0.75.
/// - A zero divisor of `/` or `%` (int or double) gives NULL and counts
///   ``EvaluationWarnings/divisionsByZero``; a double result beyond the double range
///   (or NaN) gives NULL and counts ``EvaluationWarnings/notFinite``: no operation makes
///   inf or NaN.
/// - `%` is the truncated remainder: its sign follows the dividend (`-7 % 2` is -1).
/// - int and double mixed: the int side is converted to double (the binder
///   normally inserts the cast itself).
/// - period ± int gives a period of the same unit (ordinal ± n; `2008Q4 + 1`
///   is `2009Q1`); int + period likewise; period - period gives the int
///   difference of ordinals (units must match, otherwise NULL and
///   ``EvaluationWarnings/periodUnitMismatches``). A result ordinal outside
///   32 bits gives NULL and counts an overflow.
/// - string + string joins the texts (NULL when either is NULL, as SQL `||`).
enum ArithmeticKernel {
  /// `l op r` over `count` rows.
  static func evaluate(
    _ op: ArithmeticOperator, _ l: Operand, _ r: Operand, count: Int,
    warnings: inout EvaluationWarnings
  ) -> Column {
    if l.type == .string && r.type == .string && op == .add {
      return StringConcatenationKernel.apply(l, r, count: count, nullAsEmpty: false, warnings: &warnings)
    }
    if l.type == .period || r.type == .period {
      return periodArithmetic(op, l, r, count: count, warnings: &warnings)
    }
    let resultType: DataType =
      op == .divide || l.type == .double || r.type == .double ? .double : .int64
    if l.isNullScalar || r.isNullScalar || !l.type.isNumeric || !r.type.isNumeric {
      return .nulls(resultType, count: count)
    }
    if l.type == .int64 && r.type == .int64 {
      let a = integers(l), b = integers(r)
      switch op {
      case .add: return int(run(IntegerAddition.self, a, b, count, &warnings))
      case .subtract: return int(run(IntegerSubtraction.self, a, b, count, &warnings))
      case .multiply: return int(run(IntegerMultiplication.self, a, b, count, &warnings))
      case .remainder: return int(run(IntegerRemainder.self, a, b, count, &warnings))
      case .divide: return double(run(IntegerDivision.self, a, b, count, &warnings))
      }
    }
    let a = doubles(l), b = doubles(r)
    switch op {
    case .add: return double(run(DoubleAddition.self, a, b, count, &warnings))
    case .subtract: return double(run(DoubleSubtraction.self, a, b, count, &warnings))
    case .multiply: return double(run(DoubleMultiplication.self, a, b, count, &warnings))
    case .divide: return double(run(DoubleDivision.self, a, b, count, &warnings))
    case .remainder: return double(run(DoubleRemainder.self, a, b, count, &warnings))
    }
  }

  /// `-x`; negating the smallest int overflows (NULL and a warning).
  static func negate(_ column: Column, warnings: inout EvaluationWarnings) -> Column {
    switch column {
    case .int64(let c):
      return int(run(IntegerSubtraction.self, .scalar(0), .array(c.widenedValues(), c.validity), c.count, &warnings))
    case .double(let c):
      let out = c.values.converted { -$0 }
      return .double(PrimitiveColumn(values: out, validity: c.validity))
    default:
      return .nulls(column.type, count: column.count)
    }
  }

  /// Runs `Op` over two typed operands: one loop per shape (column-column,
  /// column-scalar, scalar-column), specialised for `Op`.
  static func run<Op: BinaryArithmetic>(
    _: Op.Type, _ a: TypedOperand<Op.Left>, _ b: TypedOperand<Op.Right>, _ count: Int,
    _ warnings: inout EvaluationWarnings
  ) -> ([Op.Output], ValidityMask) {
    var validity: ValidityWords
    let out: [Op.Output]
    switch (a, b) {
    case (.array(let x, let mx), .array(let y, let my)):
      validity = ValidityWords(mx, my)
      out = [Op.Output](unsafeUninitializedCapacity: count) { buffer, initialized in
        x.withUnsafeBufferPointer { px in
          y.withUnsafeBufferPointer { py in
            for i in 0..<count {
              let (v, failure) = Op.apply(px[i], py[i])
              buffer.initializeElement(at: i, to: v)
              if failure != .none { record(failure, row: i, &validity, &warnings) }
            }
          }
        }
        initialized = count
      }
    case (.array(let x, let mx), .scalar(let s)):
      validity = ValidityWords(mx)
      out = [Op.Output](unsafeUninitializedCapacity: count) { buffer, initialized in
        x.withUnsafeBufferPointer { px in
          for i in 0..<count {
            let (v, failure) = Op.apply(px[i], s)
            buffer.initializeElement(at: i, to: v)
            if failure != .none { record(failure, row: i, &validity, &warnings) }
          }
        }
        initialized = count
      }
    case (.scalar(let s), .array(let y, let my)):
      validity = ValidityWords(my)
      out = [Op.Output](unsafeUninitializedCapacity: count) { buffer, initialized in
        y.withUnsafeBufferPointer { py in
          for i in 0..<count {
            let (v, failure) = Op.apply(s, py[i])
            buffer.initializeElement(at: i, to: v)
            if failure != .none { record(failure, row: i, &validity, &warnings) }
          }
        }
        initialized = count
      }
    case (.scalar(let s), .scalar(let t)):
      validity = ValidityWords(allValid: count)
      let (v, failure) = Op.apply(s, t)
      out = [Op.Output](repeating: v, count: count)
      if failure != .none {
        validity.invalidateAll()
        tally(failure, rows: count, &warnings)
      }
    }
    return (out, validity.mask)
  }

  /// Makes row `row` NULL and counts the failure when the row was not NULL already.
  @inline(never)
  static func record(
    _ failure: ArithmeticFailure, row: Int, _ validity: inout ValidityWords,
    _ warnings: inout EvaluationWarnings
  ) {
    if validity.invalidate(row) {
      tally(failure, rows: 1, &warnings)
      if warnings.firstRow == nil { warnings.firstRow = row }
    }
  }

  private static func tally(_ failure: ArithmeticFailure, rows: Int, _ warnings: inout EvaluationWarnings) {
    switch failure {
    case .none: break
    case .overflow: warnings.overflows += rows
    case .divisionByZero: warnings.divisionsByZero += rows
    case .notFinite: warnings.notFinite += rows
    }
  }

  private static func int(_ result: ([Int64], ValidityMask)) -> Column {
    .int64(Int64Column(values: result.0, validity: result.1))
  }

  private static func double(_ result: ([Double], ValidityMask)) -> Column {
    .double(PrimitiveColumn(values: result.0, validity: result.1))
  }

  /// An int operand (callers check the type first).
  static func integers(_ operand: Operand) -> TypedOperand<Int64> {
    switch operand {
    case .scalar(let v, _): return .scalar(v.int64Value ?? 0)
    case .column(.int64(let c)): return .array(c.widenedValues(), c.validity)
    case .column(.period(let c)): return .array(c.ordinals.converted { Int64($0) }, c.validity)
    case .column(let c): return .array([Int64](repeating: 0, count: c.count), ValidityWords(allValid: c.count).nullMask)
    }
  }

  /// A double operand; an int operand is converted.
  static func doubles(_ operand: Operand) -> TypedOperand<Double> {
    switch operand {
    case .scalar(let v, _): return .scalar(v.doubleValue ?? 0)
    case .column(.double(let c)): return .array(c.values, c.validity)
    case .column(.int64(let c)): return .array(c.doubleValues(), c.validity)
    case .column(let c): return .array([Double](repeating: 0, count: c.count), ValidityWords(allValid: c.count).nullMask)
    }
  }

  private static func periodArithmetic(
    _ op: ArithmeticOperator, _ l: Operand, _ r: Operand, count: Int,
    warnings: inout EvaluationWarnings
  ) -> Column {
    let unitL = unit(of: l), unitR = unit(of: r)
    switch (l.type, r.type, op) {
    case (.period, .period, .subtract):
      if l.isNullScalar || r.isNullScalar { return .nulls(.int64, count: count) }
      if let unitL, let unitR, unitL != unitR {
        let both = ValidityWords(l.column(count: count).validity, r.column(count: count).validity)
        warnings.periodUnitMismatches += count - both.mask.nullCount
        return .nulls(.int64, count: count)
      }
      return int(run(IntegerSubtraction.self, ordinals(l), ordinals(r), count, &warnings))
    case (.period, .int64, .add), (.period, .int64, .subtract):
      let u = unitL ?? .year
      if l.isNullScalar || r.isNullScalar { return .nulls(.period, count: count, unit: u) }
      let result =
        op == .add
        ? run(IntegerAddition.self, ordinals(l), integers(r), count, &warnings)
        : run(IntegerSubtraction.self, ordinals(l), integers(r), count, &warnings)
      return narrow(result, unit: u, &warnings)
    case (.int64, .period, .add):
      let u = unitR ?? .year
      if l.isNullScalar || r.isNullScalar { return .nulls(.period, count: count, unit: u) }
      return narrow(run(IntegerAddition.self, integers(l), ordinals(r), count, &warnings), unit: u, &warnings)
    default:
      let type: DataType = l.type == .period && r.type == .period ? .int64 : .period
      return .nulls(type, count: count, unit: unitL ?? unitR ?? .year)
    }
  }

  private static func unit(of operand: Operand) -> PeriodUnit? {
    switch operand {
    case .column(.period(let c)): return c.unit
    case .scalar(.period(let p), _): return p.unit
    default: return nil
    }
  }

  private static func ordinals(_ operand: Operand) -> TypedOperand<Int64> {
    switch operand {
    case .scalar(let v, _): return .scalar(Int64(v.periodValue?.ordinal ?? 0))
    default: return integers(operand)
    }
  }

  /// Period ordinals back to 32 bits; out-of-range rows become NULL overflows.
  private static func narrow(
    _ result: ([Int64], ValidityMask), unit: PeriodUnit, _ warnings: inout EvaluationWarnings
  ) -> Column {
    var validity = ValidityWords(result.1)
    let values = result.0
    let n = values.count
    let out = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          let x = v[i]
          if let narrow = Int32(exactly: x) {
            buffer.initializeElement(at: i, to: narrow)
          } else {
            buffer.initializeElement(at: i, to: 0)
            record(.overflow, row: i, &validity, &warnings)
          }
        }
      }
      initialized = n
    }
    return .period(PeriodColumn(unit: unit, ordinals: out, validity: validity.mask))
  }
}
