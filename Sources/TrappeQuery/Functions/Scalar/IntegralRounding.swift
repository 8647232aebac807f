import TrappeStorage

/// The kernel of `floor` and `ceil`: doubles rounded by `rule` into Int64.
///
/// NaN and infinities give NULL (counted in ``EvaluationWarnings/invalidArguments``),
/// finite values whose rounding is outside Int64 give NULL (counted in
/// ``EvaluationWarnings/overflows``); ints pass through; other types give NULL ints.
enum IntegralRounding {
  static func apply(_ x: Column, rule: FloatingPointRoundingRule, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .int64: return x
    case .double(let c):
      var notFinite = 0
      for i in 0..<c.count where c.validity.isValid(i) && !c.values[i].isFinite { notFinite += 1 }
      var failures = 0
      let (values, validity) = FailableConversion.apply(c.values, validity: c.validity, failures: &failures) {
        Int64(exactly: $0.rounded(rule))
      }
      warnings.invalidArguments += notFinite
      warnings.overflows += failures - notFinite
      return .int64(Int64Column(values: values, validity: validity))
    default: return .nulls(.int64, count: x.count)
    }
  }
}
