import TrappeBase
import TrappeStorage
import TrappeQuery

extension GapOperator {
  /// The footer notes: targets and their source, how values are computed, units, pace and gaps in the data.
  func describe(periods: [Value?], rows: [GapCell], missing: [String], zero: [String]) -> [String] {
    var notes: [String] = []
    notes.append(
      "targets (maal): "
        + targets.map { "\($0.id) \($0.comparison.rawValue) \(GapOperator.number($0.threshold)) \($0.unit)" }
        .joined(separator: ", "))
    notes.append("target source: maal.kilde, " + GapOperator.unique(targets.map(\.source)).joined(separator: "; "))
    notes += targets.compactMap(\.directionNote)
    let per = period.map { "kommune and \($0.name)" } ?? "kommune"
    notes.append("value = sum(numerator) / sum(denominator) per \(per) (.measures)")
    for target in targets {
      if let note = target.measure.note { notes.append("\(target.id): \(note)") }
    }
    var units: [(String, [String])] = []
    for target in targets {
      if let index = units.firstIndex(where: { $0.0 == target.shortUnit }) {
        units[index].1.append(target.id)
      } else {
        units.append((target.shortUnit, [target.id]))
      }
    }
    for (unit, ids) in units { notes.append("short in \(unit) (rounded up): \(ids.joined(separator: ", "))") }
    if let period, let last = periods.last.flatMap({ $0 }), periods.count >= 2 {
      let before = periods[periods.count - 2].map(\.description) ?? ""
      notes.append(
        "pace: value change per \(period.name) since the one before; last: \(period.name) \(before) → \(last.description)"
      )
    } else if let period {
      notes.append("pace: only one \(period.name), so rounds_to_target is NULL unless met")
    }
    if let calendar { notes.append(calendar.note) }
    if !zero.isEmpty {
      notes.append("value NULL, denominator 0 or missing: " + GapOperator.listed(zero))
    }
    if !missing.isEmpty {
      notes.append("no rows (value NULL; the pace skips them): " + GapOperator.listed(missing))
    }
    return notes
  }

  /// A threshold as written: 25 rather than 25.0.
  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return NumberFormatting.plain(value)
  }

  /// Up to six items, then how many more.
  static func listed(_ items: [String]) -> String {
    items.prefix(6).joined(separator: ", ") + (items.count > 6 ? " and \(items.count - 6) more" : "")
  }

  /// The items without repeats, in order.
  static func unique(_ items: [String]) -> [String] {
    var result: [String] = []
    for item in items where !result.contains(item) { result.append(item) }
    return result
  }

  /// The output table.
  func table(_ rows: [GapCell]) -> Table {
    var named: [(String, Column)] = [("kommune", .string(StringColumn(rows.map { Optional($0.kommune) })))]
    if let period {
      named.append((period.name, GapOperator.column(rows.map { $0.period ?? .null }, as: period)))
    }
    named += [
      ("maal", .string(StringColumn(rows.map { Optional($0.target) }))),
      ("value", GapOperator.doubles(rows.map(\.value))),
      ("threshold", GapOperator.doubles(rows.map { Optional($0.threshold) })),
      ("gap_pp", GapOperator.doubles(rows.map(\.gap))),
      ("met", GapOperator.bools(rows.map(\.met))),
      ("short", GapOperator.ints(rows.map(\.short))),
    ]
    if period != nil {
      named += [
        ("rounds_to_target", GapOperator.ints(rows.map(\.rounds))),
        ("trend", .string(StringColumn(rows.map(\.trend)))),
      ]
    }
    return Table(named)
  }

  /// A double column; nil is NULL.
  static func doubles(_ values: [Double?]) -> Column {
    var validity = ValidityMask(allValid: 0)
    for value in values { validity.append(value != nil) }
    return .double(DoubleColumn(values: values.map { $0 ?? 0 }, validity: validity))
  }

  /// An int column; nil is NULL.
  static func ints(_ values: [Int64?]) -> Column {
    var validity = ValidityMask(allValid: 0)
    for value in values { validity.append(value != nil) }
    return .int64(Int64Column(values: values.map { $0 ?? 0 }, validity: validity))
  }

  /// A bool column; nil is NULL.
  static func bools(_ values: [Bool?]) -> Column {
    var validity = ValidityMask(allValid: 0)
    for value in values { validity.append(value != nil) }
    return .bool(BoolColumn(values: values.map { $0 ?? false }, validity: validity))
  }

  /// The period column in the input's type.
  static func column(_ values: [Value], as column: PlanColumn) -> Column {
    switch column.type {
    case .int64: return ints(values.map(\.int64Value))
    case .double: return doubles(values.map(\.doubleValue))
    case .bool: return bools(values.map { if case .bool(let b) = $0 { return b } else { return nil } })
    case .string: return .string(StringColumn(values.map(\.stringValue)))
    case .period:
      var validity = ValidityMask(allValid: 0)
      var ordinals: [Int32] = []
      var unit = column.unit ?? .year
      for value in values {
        if case .period(let p) = value {
          unit = p.unit
          ordinals.append(p.ordinal)
          validity.append(true)
        } else {
          ordinals.append(0)
          validity.append(false)
        }
      }
      return .period(PeriodColumn(unit: unit, ordinals: ordinals, validity: validity))
    }
  }
}
