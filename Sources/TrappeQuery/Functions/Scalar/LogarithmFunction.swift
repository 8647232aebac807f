import TrappeStorage
import Glibc

/// `ln(x)`: the natural logarithm; x <= 0 gives NULL and counts an invalid argument.
///
/// Int input is converted to double.
enum LogarithmFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    DomainCheckedFunction.apply(x, warnings: &warnings, inDomain: { $0 > 0 }, function: { Glibc.log($0) })
  }
}
