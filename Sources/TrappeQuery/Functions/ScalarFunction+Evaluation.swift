import TrappeStorage

extension ScalarFunction {
  /// Applies the function to evaluated arguments over `count` rows.
  ///
  /// Every function gives NULL for a NULL argument. String functions work on
  /// the dictionary (once per distinct string) and reuse the row codes.
  /// The result type follows the argument (`abs(int)` is int; `floor`/`ceil`
  /// always give int); the evaluator converts it when the binder chose another type.
  func evaluate(_ args: [Operand], count: Int, warnings: inout EvaluationWarnings) -> Column {
    guard let first = args.first else { return .nulls(.int64, count: count) }
    let x = first.column(count: count)
    let second = args.count > 1 ? args[1] : nil
    switch self {
    case .round: return RoundFunction.apply(x, digits: second ?? .scalar(.int64(0), .int64), warnings: &warnings)
    case .abs: return AbsFunction.apply(x, warnings: &warnings)
    case .floor: return FloorFunction.apply(x, warnings: &warnings)
    case .ceil: return CeilFunction.apply(x, warnings: &warnings)
    case .ln: return LogarithmFunction.apply(x, warnings: &warnings)
    case .sqrt: return SquareRootFunction.apply(x, warnings: &warnings)
    case .lower: return LowerFunction.apply(x)
    case .upper: return UpperFunction.apply(x)
    case .contains: return ContainsFunction.apply(x, second, count: count)
    case .startswith: return StartsWithFunction.apply(x, second, count: count)
    case .endswith: return EndsWithFunction.apply(x, second, count: count)
    case .length: return LengthFunction.apply(x)
    case .year, .quarter, .month, .week: return PeriodPartFunction.apply(self, x)
    case .period: return PeriodFunction.apply(x, warnings: &warnings)
    case .string: return StringFunction.apply(x)
    case .int: return IntFunction.apply(x, warnings: &warnings)
    case .double: return DoubleFunction.apply(x, warnings: &warnings)
    case .pow: return PowerFunction.apply(first, second ?? .scalar(.null, .double), count: count, warnings: &warnings)
    case .exp: return ExponentialFunction.apply(first, count: count, warnings: &warnings)
    case .concat: return ConcatFunction.apply(args, count: count, warnings: &warnings)
    case .substr: return SubstringFunction.apply(args, count: count)
    case .replace: return ReplaceFunction.apply(args, count: count)
    case .trim: return TrimFunction.apply(x)
    case .greatest: return GreatestFunction.apply(args, count: count)
    case .least: return LeastFunction.apply(args, count: count)
    }
  }
}
