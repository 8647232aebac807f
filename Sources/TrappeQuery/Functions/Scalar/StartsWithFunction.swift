import TrappeStorage

/// `startswith(text, prefix)`: whether `text` begins with `prefix` (case-sensitive).
enum StartsWithFunction {
  static func apply(_ text: Column, _ part: Operand?, count: Int) -> Column {
    StringPredicateKernel.apply(text, part, count: count) { $0.hasPrefix($1) }
  }
}
