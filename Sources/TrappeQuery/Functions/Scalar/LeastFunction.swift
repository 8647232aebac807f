import TrappeStorage

/// `least(a, b, ...)`: the smallest non-NULL argument per row (NULL when all are NULL);
/// int when every argument is an int, else double. SQL: `least(a, b, ...)`.
enum LeastFunction {
  static func apply(_ args: [Operand], count: Int) -> Column {
    ExtremeValueKernel.apply(args, count: count, largest: false)
  }
}
