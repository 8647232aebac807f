import TrappeStorage

/// `ceil(x)`: the smallest integral double not below x; an int is returned unchanged.
enum CeilFunction {
  static func apply(_ x: Column) -> Column {
    switch x {
    case .double(let c):
      return .double(PrimitiveColumn(values: c.values.map { $0.rounded(.up) }, validity: c.validity))
    case .int64: return x
    default: return .nulls(x.type, count: x.count)
    }
  }
}
