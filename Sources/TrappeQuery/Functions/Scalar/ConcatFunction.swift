import TrappeStorage

/// `concat(a, b, ...)`: the arguments' texts joined, skipping NULLs (a row whose
/// arguments are all NULL gives ""), never NULL itself.
///
/// The binder converts non-string arguments with `string(x)`, so numbers read as
/// `string` prints them (`1.0`, `2008Q3`). Like DuckDB's `concat`.
enum ConcatFunction {
  static func apply(_ args: [Operand], count: Int, warnings: inout EvaluationWarnings) -> Column {
    guard var result = args.first else { return .nulls(.string, count: count) }
    if args.count == 1 {
      // One argument: still NULL → "".
      return StringConcatenationKernel.apply(
        result, .scalar(.string(""), .string), count: count, nullAsEmpty: true, warnings: &warnings)
    }
    for next in args.dropFirst() {
      result = .column(
        StringConcatenationKernel.apply(result, next, count: count, nullAsEmpty: true, warnings: &warnings))
    }
    return result.column(count: count)
  }
}
