import TrappeStorage

extension SQLCompiler {
  /// A scalar function call. The switch is exhaustive on purpose: a new function must say
  /// how it compiles.
  func call(
    _ function: ScalarFunction, _ arguments: [BoundExpression], _ type: DataType, _ scope: SQLScope
  ) throws(SQLError) -> String {
    var args: [String] = []
    for a in arguments { args.append(try expression(a, scope)) }
    let x = args.first ?? "NULL"
    let xType = arguments.first?.type ?? .int64
    func name(_ n: SQLFunctionName) -> String { dialect.functionName(n) }
    switch function {
    case .round:
      let digits = args.count > 1 ? args[1] : "0"
      if xType == .int64 {
        return dialect.tryCast(
          "\(name(.round))(\(dialect.wideInteger(x)), CAST(\(digits) AS INTEGER))", to: .int64, unit: nil)
      }
      var literalDigits: Int64? = args.count < 2 ? 0 : nil
      if args.count > 1, case .literal(.int64(let d), _) = arguments[1] { literalDigits = d }
      let plain = "\(name(.round))(\(dialect.cast(x, to: .double, unit: nil)), CAST(\(digits) AS INTEGER))"
      if let literalDigits {
        return roundedAsTrappe(x, digits: Int(clamping: literalDigits))
      }
      return plain
    case .abs:
      return xType == .int64
        ? dialect.tryCast("\(name(.abs))(\(dialect.wideInteger(x)))", to: .int64, unit: nil) : "\(name(.abs))(\(x))"
    case .floor, .ceil:
      if xType == .int64 { return x }
      let f = dialect.floor(x, ceiling: function == .ceil)
      return type == .int64 ? dialect.tryCast(f, to: .int64, unit: nil) : f
    case .ln:
      return "CASE WHEN \(x) > 0 THEN \(name(.ln))(\(x)) END"
    case .sqrt:
      return "CASE WHEN \(x) >= 0 THEN \(name(.sqrt))(\(x)) END"
    case .lower: return "\(name(.lower))(\(x))"
    case .upper:
      // Swift upper-cases ß to SS (full case mapping); DuckDB to ẞ.
      return "\(name(.upper))(replace(\(x), 'ß', 'SS'))"
    case .contains: return "\(name(.contains))(\(x), \(args[1]))"
    case .startswith: return "\(name(.startsWith))(\(x), \(args[1]))"
    case .endswith: return "\(name(.endsWith))(\(x), \(args[1]))"
    case .length: return "CAST(\(dialect.length(x)) AS BIGINT)"
    case .year: return dialect.part(.year, ofPeriod: x, unit: try requireUnit(arguments[0], scope))
    case .quarter: return dialect.part(.quarter, ofPeriod: x, unit: try requireUnit(arguments[0], scope))
    case .month: return dialect.part(.month, ofPeriod: x, unit: try requireUnit(arguments[0], scope))
    case .week: return dialect.part(.week, ofPeriod: x, unit: try requireUnit(arguments[0], scope))
    case .period:
      switch xType {
      case .period: return x
      case .int64: return dialect.tryCast(x, to: .period, unit: .year)
      case .double: return "CASE WHEN \(x) = \(dialect.truncate(x)) THEN \(dialect.tryCast(x, to: .period, unit: .year)) END"
      case .string:
        if case .literal(.string(let text), _) = arguments[0], let p = Period(text) {
          return dialect.literal(.period(p), type: .period, unit: p.unit)
        }
        throw SQLError(
          "period() of text has no SQL form: the unit is known only when the text is read",
          hints: ["write a period literal such as 2008Q3, or use a period column"])
      case .bool:
        return dialect.literal(.null, type: .period, unit: .year)
      }
    case .string:
      switch xType {
      case .period: return dialect.text(ofPeriod: x, unit: try requireUnit(arguments[0], scope))
      case .bool: return "CASE WHEN \(x) THEN 'true' WHEN NOT \(x) THEN 'false' END"
      case .int64, .string: return dialect.cast(x, to: .string, unit: nil)
      case .double:
        return try dialect.text(ofDouble: x)
      }
    case .int:
      switch xType {
      case .int64: return x
      case .double: return dialect.tryCast(dialect.truncate(x), to: .int64, unit: nil)
      case .bool: return "CAST(CAST(\(x) AS INTEGER) AS BIGINT)"
      case .period: return dialect.part(.year, ofPeriod: x, unit: try requireUnit(arguments[0], scope))
      case .string:
        return dialect.tryCast(dialect.truncate(dialect.double(fromText: x)), to: .int64, unit: nil)
      }
    case .double:
      switch xType {
      case .double: return x
      case .int64, .bool: return dialect.cast(x, to: .double, unit: nil)
      case .period:
        return dialect.cast(
          dialect.part(.year, ofPeriod: x, unit: try requireUnit(arguments[0], scope)), to: .double, unit: nil)
      case .string:
        let parsed = dialect.double(fromText: x)
        return "CASE WHEN \(dialect.isFinite(parsed)) THEN \(parsed) END"
      }
    case .pow, .exp:
      // NaN and ±inf become NULL, as Trappe does (with a warning there).
      let doubles = args.map { dialect.cast($0, to: .double, unit: nil) }
      let value = "\(name(function == .pow ? .pow : .exp))(\(doubles.joined(separator: ", ")))"
      return "CASE WHEN \(dialect.isFinite(value)) THEN \(value) END"
    case .concat:
      // NULL arguments are skipped (non-text arguments are already wrapped in string()).
      return dialect.concat(args)
    case .substr:
      return dialect.substring(x, Array(args.dropFirst()))
    case .replace: return "\(name(.replace))(\(x), \(args[1]), \(args[2]))"
    case .trim: return dialect.trimSpaces(x)
    case .greatest, .least:
      // NULL arguments are skipped; ints are widened when the result is a double.
      let widened = args.map { type == .double ? dialect.cast($0, to: .double, unit: nil) : $0 }
      return "\(name(function == .greatest ? .greatest : .least))(\(widened.joined(separator: ", ")))"
    }
  }

  /// `round(x, d)` of a double for a constant d, step for step as Trappe's ``RoundFunction``:
  /// y = x · 10^d (or x / 10^-d); y moved away from zero by four units in its last place, but by
  /// no more than 5e-11 in x's units (so a decimal half stored just below .5, as 1.005, rounds
  /// away); rounded half away from zero; scaled back. x itself when d > 15, when y is not
  /// finite or beyond 2^52, or when the result would leave the double range; 0 for a finite x
  /// when 10^-d is beyond it. `y` is bound once through a one-element list.
  private func roundedAsTrappe(_ x: String, digits: Int) -> String {
    guard digits <= 15 else { return x }
    let negative = digits < 0
    var scale = 1.0
    for _ in 0..<min(abs(digits), 400) { scale *= 10 }
    // 10^309 and beyond is inf: a finite x rounds to 0.
    if negative && !scale.isFinite { return "(CASE WHEN \(dialect.isFinite(x)) THEN CAST(0.0 AS DOUBLE) ELSE \(x) END)" }
    let scaleSQL = dialect.literal(.double(scale), type: .double, unit: nil)
    let most = dialect.literal(.double(negative ? 5e-11 / scale : 5e-11 * scale), type: .double, unit: nil)
    let scaled = negative ? "(\(x) / \(scaleSQL))" : "(\(x) * \(scaleSQL))"
    let y = dialect.boundName
    let nudged = "(\(y) + CASE WHEN \(y) < 0 THEN -1 ELSE 1 END * least(4 * \(dialect.ulp(y)), \(most)))"
    let back = negative ? "round(\(nudged)) * \(scaleSQL)" : "round(\(nudged)) / \(scaleSQL)"
    // A result beyond the double range keeps x (round(1.7e308, -308)).
    return dialect.bind(
      scaled, as: y,
      in: "CASE WHEN NOT \(dialect.isFinite(y)) OR abs(\(y)) >= 4503599627370496 "
        + "OR NOT \(dialect.isFinite(back)) THEN \(x) ELSE \(back) END")
  }
}
