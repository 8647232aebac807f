import TrappeBase
import TrappeStorage

/// Builds and runs plans from parsed expressions, for the layers that compose queries
/// without writing query text (the analyses): the same binder rules, types and caret
/// diagnostics as a typed pipeline, and no quoting of names.
package enum PlanBuilder {
  /// Reads all of `table` under `name`.
  package static func scan(_ table: Table, name: String) -> LogicalPlan {
    .scan(name: name, table: table, columns: Array(0..<table.columnCount))
  }

  /// A scan of an empty table with `columns`, to bind a plan before its input exists (the
  /// analyses check their arguments when the statement is bound, and run on the input later).
  package static func placeholder(_ columns: [PlanColumn], name: String) -> LogicalPlan {
    let named = columns.map { column -> (String, Column) in
      switch column.type {
      case .int64: return (column.name, .int64(Int64Column([])))
      case .double: return (column.name, .double(DoubleColumn([])))
      case .bool: return (column.name, .bool(BoolColumn([])))
      case .string: return (column.name, .string(StringColumn([])))
      case .period:
        let empty = PeriodColumn(unit: column.unit ?? .year, ordinals: [], validity: ValidityMask(allValid: 0))
        return (column.name, .period(empty))
      }
    }
    return scan(Table(named), name: name)
  }

  /// `input | summarize NAME = EXPRESSION, ... by KEY, ...`; the expressions were parsed from `source`,
  /// which diagnostics quote.
  package static func summarize(
    _ input: LogicalPlan, _ items: [(name: String, expression: Expression)], by keys: [String],
    source: SourceText
  ) throws(Diagnostic) -> LogicalPlan {
    let names = input.columns.map(\.name)
    for key in keys where !names.contains(key) {
      throw Diagnostic(.error, "the table has no column '\(key)'", hints: ["columns: \(names.joined(separator: ", "))"])
        .suggesting(Suggestion.nearest(to: key, in: names))
    }
    let binder = Binder(source: source, resolveTable: { _ throws(Diagnostic) in nil }, tableNames: [])
    let nowhere = SourceRange(0, 0)
    return try binder.bindSummarize(
      aggregates: items.map {
        NamedExpression(name: $0.name, nameRange: nil, expression: $0.expression)
      },
      by: keys.map {
        NamedExpression(name: $0, nameRange: nil, expression: Expression(.column(name: $0, qualifier: nil), nowhere))
      },
      on: input)
  }

  /// The distinct values of column `name` of `input`, in the order `sort by` gives (Danish collation
  /// for text, NULL last).
  package static func sortedDistinct(_ name: String, of input: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
    let columns = input.columns
    guard let index = columns.firstIndex(where: { $0.name == name }) else {
      throw Diagnostic(.error, "the table has no column '\(name)'")
    }
    let column = columns[index]
    let only = LogicalPlan.project(
      input, [ProjectedColumn(name: name, expression: .column(index, column.type), unit: column.unit)])
    return .sort(.distinct(only), [BoundSortKey(expression: .column(0, column.type), descending: false)])
  }

  /// The output columns of `plan` as bound (a pivot's value columns are not among them).
  package static func columns(of plan: LogicalPlan) -> [PlanColumn] { plan.columns }

  /// Optimises and runs `plan`; a stopped run (Ctrl-C) is an error.
  package static func run(_ plan: LogicalPlan) throws(Diagnostic) -> Table {
    var executor = Executor()
    do throws(ExecutionStop) {
      return try executor.run(Optimizer.optimize(plan))
    } catch {
      if let failure = executor.failure { throw failure }
      if case .overBudget(let overrun) = error { throw overrun.diagnostic }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
  }
}

extension Expression {
  /// A call `name(arguments)` spanning `range`, whose name spans `nameRange`.
  package static func call(
    _ name: String, _ arguments: [Expression], nameRange: SourceRange, range: SourceRange
  ) -> Expression {
    Expression(.call(name: name, nameRange: nameRange, arguments: arguments, window: nil), range)
  }

  /// A reference to the column `name`, spanning `range`.
  package static func column(_ name: String, range: SourceRange) -> Expression {
    Expression(.column(name: name, qualifier: nil), range)
  }
}
