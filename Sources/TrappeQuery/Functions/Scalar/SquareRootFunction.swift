import TrappeStorage
import Glibc

/// `sqrt(x)`: the square root; x < 0 gives NULL and counts an invalid argument.
///
/// Int input is converted to double.
enum SquareRootFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    DomainCheckedFunction.apply(x, warnings: &warnings, inDomain: { $0 >= 0 }, function: { Glibc.sqrt($0) })
  }
}
