import TrappeStorage

/// `greatest(a, b, ...)`: the largest non-NULL argument per row (NULL when all are NULL);
/// int when every argument is an int, else double. SQL: `greatest(a, b, ...)`.
enum GreatestFunction {
  static func apply(_ args: [Operand], count: Int) -> Column {
    ExtremeValueKernel.apply(args, count: count, largest: true)
  }
}
