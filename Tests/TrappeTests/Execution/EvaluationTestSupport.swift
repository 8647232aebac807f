@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Small helpers for building tables and reading evaluated columns in tests.
enum EvaluationTestSupport {
  static func ints(_ values: [Int64?]) -> Column { TestColumns.ints(values) }

  static func doubles(_ values: [Double?]) -> Column { TestColumns.doubles(values) }

  static func bools(_ values: [Bool?]) -> Column {
    var b = PrimitiveColumnBuilder<Bool>(placeholder: false)
    for v in values { if let v { b.append(v) } else { b.appendNull() } }
    return .bool(b.finish())
  }

  static func strings(_ values: [String?]) -> Column { .string(StringColumn(values)) }

  static func periods(_ unit: PeriodUnit, _ values: [Period?]) -> Column {
    var b = PeriodColumnBuilder(unit: unit)
    for v in values { if let v { b.append(v) } else { b.appendNull() } }
    return .period(b.finish())
  }

  static func table(_ columns: Column...) -> Table {
    Table(columns.enumerated().map { ("c\($0.offset)", $0.element) })
  }

  /// Evaluates and boxes the result (tests only).
  static func run(_ e: BoundExpression, _ table: Table) -> [Value] {
    var warnings = EvaluationWarnings()
    return run(e, table, &warnings)
  }

  static func run(_ e: BoundExpression, _ table: Table, _ warnings: inout EvaluationWarnings) -> [Value] {
    let column = ExpressionEvaluator.evaluate(e, on: table, warnings: &warnings)
    precondition(column.type == e.type && column.count == table.rowCount)
    return (0..<column.count).map { column.value(at: $0) }
  }

  static func col(_ i: Int, _ t: DataType) -> BoundExpression { .column(i, t) }
  static func int(_ v: Int64) -> BoundExpression { .literal(.int64(v), .int64) }
  static func dbl(_ v: Double) -> BoundExpression { .literal(.double(v), .double) }
  static func str(_ v: String) -> BoundExpression { .literal(.string(v), .string) }
  static func null(_ t: DataType) -> BoundExpression { .literal(.null, t) }
  static func cast(_ e: BoundExpression) -> BoundExpression { .cast(e, .double) }
}
