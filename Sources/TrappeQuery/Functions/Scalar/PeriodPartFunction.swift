import TrappeStorage

/// `year(p)`, `quarter(p)`, `month(p)`, `week(p)`: a part of a period as an int.
///
/// `year` works for every unit (the ISO week-year for weeks); `quarter` for
/// quarters and months; `month` for months; `week` for weeks. A part the
/// unit does not have gives NULL (`month(2008Q3)` is NULL), as does NULL.
enum PeriodPartFunction {
  static func apply(_ part: ScalarFunction, _ x: Column) -> Column {
    guard case .period(let c) = x else { return .nulls(.int64, count: x.count) }
    let n = c.count
    let unit = c.unit
    let defined: Bool
    switch part {
    case .year: defined = true
    case .quarter: defined = unit == .quarter || unit == .month
    case .month: defined = unit == .month
    case .week: defined = unit == .week
    default: defined = false
    }
    guard defined else { return .nulls(.int64, count: n) }
    let out = [Int64](unsafeUninitializedCapacity: n) { buffer, initialized in
      c.ordinals.withUnsafeBufferPointer { o in
        switch (part, unit) {
        case (.year, .year):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(o[i])) }
        case (.year, .quarter):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Int(o[i]).floorDiv(4))) }
        case (.year, .month):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Int(o[i]).floorDiv(12))) }
        case (.quarter, .quarter):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Int(o[i]).floorMod(4) + 1)) }
        case (.quarter, .month):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Int(o[i]).floorMod(12) / 3 + 1)) }
        case (.month, .month):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Int(o[i]).floorMod(12) + 1)) }
        case (.year, .week):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Period(unit: .week, ordinal: o[i]).year)) }
        default:
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Period(unit: .week, ordinal: o[i]).week ?? 0)) }
        }
      }
      initialized = n
    }
    return .int64(PrimitiveColumn(values: out, validity: c.validity))
  }
}
