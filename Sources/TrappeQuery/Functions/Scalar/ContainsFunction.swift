import TrappeStorage

/// `contains(text, part)`: whether `part` occurs in `text` (case-sensitive, by characters).
enum ContainsFunction {
  static func apply(_ text: Column, _ part: Operand?, count: Int) -> Column {
    StringPredicateKernel.apply(text, part, count: count) { text, part in
      part.isEmpty || text.contains(part)
    }
  }
}
