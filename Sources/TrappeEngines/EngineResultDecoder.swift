import TrappeBase
import TrappeQuery
import TrappeStorage

/// Turns the rows of a bridge reply into a Trappe ``Table`` typed by the columns the plan expects.
///
/// Periods arrive in the dialects' representation (``SQLDialect``): a year as an integer, a
/// quarter, month or week as a DATE (`"YYYY-MM-DD"`), read as the period that holds that day.
/// Doubles may arrive as integers or as `"nan"`, `"inf"`, `"-inf"`; ints must be integers.
package enum EngineResultDecoder {
  package static func table(rows: [[JSONValue]], columns: [PlanColumn]) throws(EngineError) -> Table {
    var built: [(String, Column)] = []
    for (index, column) in columns.enumerated() {
      built.append((column.name, try decode(rows: rows, index: index, column: column)))
    }
    return Table(built)
  }

  static func decode(rows: [[JSONValue]], index: Int, column: PlanColumn) throws(EngineError) -> Column {
    func cell(_ row: [JSONValue]) throws(EngineError) -> JSONValue {
      guard index < row.count else { throw .bridge("a row of the engine's result has \(row.count) values") }
      return row[index]
    }
    func wrong(_ value: JSONValue) -> EngineError {
      .unsupported("the engine returned \(value) in the column '\(column.name)', which Trappe reads as \(column.type)")
    }
    switch column.type {
    case .int64:
      var builder = PrimitiveColumnBuilder<Int64>(placeholder: 0, capacity: rows.count)
      for row in rows {
        switch try cell(row) {
        case .null: builder.appendNull()
        case .integer(let v): builder.append(v)
        case .double(let d) where d == d.rounded() && abs(d) < 9.2e18: builder.append(Int64(d))
        case let other: throw wrong(other)
        }
      }
      return .int64(builder.finish())
    case .double:
      var builder = PrimitiveColumnBuilder<Double>(placeholder: 0, capacity: rows.count)
      for row in rows {
        switch try cell(row) {
        case .null: builder.appendNull()
        case .integer(let v): builder.append(Double(v))
        case .double(let d): builder.append(d)
        case .string("nan"): builder.append(.nan)
        case .string("inf"): builder.append(.infinity)
        case .string("-inf"): builder.append(-.infinity)
        case let other: throw wrong(other)
        }
      }
      return .double(builder.finish())
    case .bool:
      var builder = PrimitiveColumnBuilder<Bool>(placeholder: false, capacity: rows.count)
      for row in rows {
        switch try cell(row) {
        case .null: builder.appendNull()
        case .bool(let b): builder.append(b)
        case .integer(let v) where v == 0 || v == 1: builder.append(v == 1)
        case let other: throw wrong(other)
        }
      }
      return .bool(builder.finish())
    case .string:
      var builder = StringColumnBuilder(capacity: rows.count)
      for row in rows {
        switch try cell(row) {
        case .null: builder.appendNull()
        case .string(let s): builder.append(code: builder.code(for: s))
        case .integer(let v): builder.append(code: builder.code(for: String(v)))
        case .double(let d): builder.append(code: builder.code(for: String(d)))
        case .bool(let b): builder.append(code: builder.code(for: b ? "true" : "false"))
        case let other: throw wrong(other)
        }
      }
      return .string(builder.finish())
    case .period:
      let unit = column.unit ?? .year
      var builder = PeriodColumnBuilder(unit: unit, capacity: rows.count)
      for row in rows {
        let value = try cell(row)
        if value == .null {
          builder.appendNull()
          continue
        }
        guard let period = period(value, unit: unit), builder.append(period) else { throw wrong(value) }
      }
      return .period(builder.finish())
    }
  }

  /// The period of `unit` that a year number or a `YYYY-MM-DD` day lies in.
  package static func period(_ value: JSONValue, unit: PeriodUnit) -> Period? {
    switch value {
    case .integer(let year) where unit == .year && abs(year) < 100_000: return .year(Int(year))
    case .string(let text):
      guard let (year, month, day) = civil(text) else { return nil }
      switch unit {
      case .year: return .year(year)
      case .quarter: return .quarter(year, (month - 1) / 3 + 1)
      case .month: return .month(year, month)
      case .week:
        let days = CivilDate.days(year: year, month: month, day: day)
        return Period(unit: .week, ordinal: Int32((days - CivilDate.referenceMonday).floorDiv(7)))
      }
    default: return nil
    }
  }

  /// `YYYY-MM-DD` (a leading `-` for years before 0 is not accepted).
  static func civil(_ text: String) -> (Int, Int, Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2].prefix(2)),
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    return (y, m, d)
  }
}
