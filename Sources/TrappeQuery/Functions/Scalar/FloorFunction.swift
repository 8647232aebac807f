import TrappeStorage

/// `floor(x)`: the largest integral double not above x; an int is returned unchanged.
enum FloorFunction {
  static func apply(_ x: Column) -> Column {
    switch x {
    case .double(let c):
      return .double(PrimitiveColumn(values: c.values.map { $0.rounded(.down) }, validity: c.validity))
    case .int64: return x
    default: return .nulls(x.type, count: x.count)
    }
  }
}
