import TrappeStorage

/// An evaluated operand: a whole column, or a constant kept unbroadcast so
/// kernels can run their column-versus-scalar loops.
enum Operand {
  /// A column of the table's row count.
  case column(Column)
  /// A literal and the type the binder gave it.
  case scalar(Value, DataType)

  /// The operand's type.
  var type: DataType {
    switch self {
    case .column(let c): return c.type
    case .scalar(_, let t): return t
    }
  }

  /// Whether the operand is a NULL constant.
  var isNullScalar: Bool {
    if case .scalar(let v, _) = self { return v.isNull }
    return false
  }

  /// The operand as a column of `count` rows (a constant is broadcast).
  func column(count: Int) -> Column {
    switch self {
    case .column(let c): return c
    case .scalar(let v, let t): return Column.constant(v, type: t, count: count)
    }
  }
}
