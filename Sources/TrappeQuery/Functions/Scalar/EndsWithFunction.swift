import TrappeStorage

/// `endswith(text, suffix)`: whether `text` ends with `suffix` (case-sensitive).
enum EndsWithFunction {
  static func apply(_ text: Column, _ part: Operand?, count: Int) -> Column {
    StringPredicateKernel.apply(text, part, count: count) { $0.hasSuffix($1) }
  }
}
