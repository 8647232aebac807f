import TrappeStorage

/// `yoy(x) over KEY order by PERIOD`: x minus x of the row in the same partition whose period
/// is the same period one year earlier, found by value, not by position.
///
/// The period is the one order key: a month column compares with 12 months before, a quarter
/// with 4 quarters before, a year (a year period or an int year) with the year before, an ISO
/// week with the same week number of the ISO year before (2009W05 against 2008W05; week 53
/// has no counterpart when the year before had 52 weeks). NULL when the row's x or period is
/// NULL, when no row of the partition holds the earlier period, when more than one does (the
/// comparison would be ambiguous: summarize to one row per period first), or when that row's x
/// is NULL; an int difference that overflows Int64 is NULL (counted as an overflow).
enum YoyWindow {
  /// Same type as the input (Int64 or Double); NULLs of the input's type otherwise.
  static func compute(_ layout: WindowLayout, input: Column, period: Column, warnings: inout EvaluationWarnings)
    -> Column
  {
    let keys = yearKeys(period)
    switch input {
    case .int64(let c): return .int64(Int64Column(values(layout, c.widenedColumn(), keys: keys, overflows: &warnings.overflows)))
    case .double(let c): return .double(values(layout, c, keys: keys, overflows: &warnings.overflows))
    default: return Column.nulls(input.type, count: input.count, unit: input.periodUnit)
    }
  }

  /// A key per row such that the same period a year earlier has key − `offset`, or nil (NULL
  /// or not a period): months and quarters by ordinal, years by value, weeks as ISO year × 53 + week.
  static func yearKeys(_ period: Column) -> (keys: [Int64], valid: [Bool], offset: Int64) {
    switch period {
    case .period(let c):
      var keys = [Int64](repeating: 0, count: c.count)
      var valid = [Bool](repeating: false, count: c.count)
      for row in 0..<c.count where c.validity.isValid(row) {
        valid[row] = true
        let p = Period(unit: c.unit, ordinal: c.ordinals[row])
        switch c.unit {
        case .week: keys[row] = Int64(p.year) * 53 + Int64(p.week ?? 0)
        default: keys[row] = Int64(c.ordinals[row])
        }
      }
      let offset: Int64
      switch c.unit {
      case .year: offset = 1
      case .quarter: offset = 4
      case .month: offset = 12
      case .week: offset = 53
      }
      return (keys, valid, offset)
    case .int64(let c):
      return (c.widenedValues(), (0..<c.count).map { c.validity.isValid($0) }, 1)
    default:
      return ([Int64](repeating: 0, count: period.count), [Bool](repeating: false, count: period.count), 1)
    }
  }

  private static func values<T: WindowNumber>(
    _ layout: WindowLayout, _ c: PrimitiveColumn<T>, keys: (keys: [Int64], valid: [Bool], offset: Int64),
    overflows: inout Int
  ) -> PrimitiveColumn<T> {
    var out = [T](repeating: T.zero, count: layout.count)
    var nulls = [Bool](repeating: true, count: layout.count)
    let starts = layout.partitionStarts
    var rowOf: [Int64: Int] = [:]
    for k in 0..<(starts.count - 1) {
      rowOf.removeAll(keepingCapacity: true)
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        guard keys.valid[row] else { continue }
        // -1 marks a period held by more than one row.
        if rowOf.updateValue(row, forKey: keys.keys[row]) != nil { rowOf[keys.keys[row]] = -1 }
      }
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        guard keys.valid[row], c.validity.isValid(row) else { continue }
        guard let earlier = rowOf[keys.keys[row] - keys.offset], earlier >= 0, c.validity.isValid(earlier) else {
          continue
        }
        let (difference, overflow) = T.minus(c.values[row], c.values[earlier])
        if overflow {
          overflows += 1
        } else {
          out[row] = difference
          nulls[row] = false
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
