import TrappeStorage

/// `year(p)`, `quarter(p)`, `month(p)`, `week(p)`: a part of a period as an int.
///
/// `year` works for every unit (the ISO week-year for weeks); `quarter` for
/// quarters, months and weeks; `month` for months and weeks; `week` for weeks. A week
/// belongs to the month (and quarter) of its Thursday, the day that also decides its ISO
/// year, so each week is counted in exactly one month: 2009W01 (29 Dec 2008 – 4 Jan 2009)
/// is January. A part the unit does not have gives NULL (`month(2008Q3)` is NULL), as
/// does NULL.
enum PeriodPartFunction {
  static func apply(_ part: ScalarFunction, _ x: Column) -> Column {
    guard case .period(let c) = x else { return .nulls(.int64, count: x.count) }
    let n = c.count
    let unit = c.unit
    let defined: Bool
    switch part {
    case .year: defined = true
    case .quarter: defined = unit != .year
    case .month: defined = unit == .month || unit == .week
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
        case (.month, .week):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Self.thursday(ofWeek: o[i]).month)) }
        case (.quarter, .week):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64((Self.thursday(ofWeek: o[i]).month - 1) / 3 + 1)) }
        case (.year, .week):
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Period(unit: .week, ordinal: o[i]).year)) }
        default:
          for i in 0..<n { buffer.initializeElement(at: i, to: Int64(Period(unit: .week, ordinal: o[i]).week ?? 0)) }
        }
      }
      initialized = n
    }
    return .int64(Int64Column(values: out, validity: c.validity))
  }

  /// The calendar date of the Thursday of the week with this ordinal.
  static func thursday(ofWeek ordinal: Int32) -> (year: Int, month: Int, day: Int) {
    CivilDate.civil(fromDays: CivilDate.referenceMonday + Int(ordinal) * 7 + 3)
  }
}
