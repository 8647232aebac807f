import TrappeBase
import TrappeStorage

extension Binder {
  /// Binds one stage on top of `plan`.
  func bindStage(_ stage: Stage, on plan: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
    let scope = BindingScope(plan.columns)
    switch stage.kind {
    case .where(let predicate):
      let bound = try bindScalar(predicate, in: scope)
      guard bound.type == .bool else {
        throw error(
          "where needs a condition that is true or false, but this is \(bound.type.name)",
          at: predicate.range, hints: ["compare it, e.g. \(source[predicate.range]) > 0"])
      }
      return .filter(plan, bound)

    case .select(let items):
      return .project(plan, try projected(items, in: scope))

    case .extend(let items):
      return try bindExtend(items, on: plan)

    case .summarize(let aggregates, let keys):
      return try bindSummarize(aggregates: aggregates, by: keys, on: plan)

    case .sort(let keys):
      return .sort(plan, try sortKeys(keys, in: scope))

    case .top(let count, _, let keys):
      return .topN(plan, try sortKeys(keys, in: scope), count: count)

    case .take(let count, _):
      return .limit(plan, count: count)

    case .distinct(let items):
      if items.isEmpty { return .distinct(plan) }
      return .distinct(.project(plan, try projected(items, in: scope)))

    case .count:
      return .count(plan)

    case .join(let kind, let right, let conditions):
      return try bindJoin(kind: kind, right: right, on: conditions, left: plan, stage: stage)

    case .union(let right):
      return try bindUnion(right, left: plan, stage: stage)

    case .pivot(let key, let value, let by):
      return try bindPivot(key: key, value: value, by: by, on: plan)

    case .unpivot(let columns, let nameColumn, let valueColumn):
      return try bindUnpivot(columns, nameColumn: nameColumn, valueColumn: valueColumn, on: plan)

    case .rename(let pairs):
      return try bindRename(pairs, on: plan)

    case .chart(let spec):
      throw error("chart must be the last stage", at: spec.range, hints: ["draw the final result: ... | chart bar"])

    case .analysis(let spec):
      guard let analyses else {
        throw error("the analysis '\(spec.keyword)' is not available here", at: spec.keywordRange)
      }
      let operation = try analyses.bind(
        spec, input: plan.columns, inputTables: plan.scannedTables, source: source, resolveTable: resolveTable)
      return .analysis(plan, AnalysisNode(operation))
    }
  }

  /// Binds `select`-style items: `NAME = EXPR` or `EXPR`, with unique output names.
  func projected(_ items: [NamedExpression], in scope: BindingScope) throws(Diagnostic) -> [ProjectedColumn] {
    var result: [ProjectedColumn] = []
    for (index, item) in items.enumerated() {
      let bound = try bindScalar(item.expression, in: scope)
      let name = item.name ?? defaultName(item.expression, index: index)
      if let clash = result.first(where: { $0.name == name }) {
        throw error(
          "the column name '\(clash.name)' is used twice", at: item.nameRange ?? item.expression.range,
          hints: ["name it: other_name = \(source[item.expression.range])"])
      }
      result.append(ProjectedColumn(name: name, expression: bound, unit: unit(of: bound, in: scope)))
    }
    return result
  }

  /// Binds sort keys.
  func sortKeys(_ keys: [SortKey], in scope: BindingScope) throws(Diagnostic) -> [BoundSortKey] {
    var result: [BoundSortKey] = []
    for key in keys {
      result.append(BoundSortKey(expression: try bindScalar(key.expression, in: scope), descending: key.descending))
    }
    return result
  }

  /// The name a bare expression gets: a column keeps its name, `sum(x)` becomes `sum_x`.
  func defaultName(_ expression: Expression, index: Int) -> String {
    switch expression.kind {
    case .column(let name, _):
      return name
    case .call(let name, _, let arguments, _):
      if arguments.count == 1, case .column(let column, _) = arguments[0].kind {
        return "\(name.lowercased())_\(column)"
      }
      return name.lowercased()
    default:
      return "expr\(index + 1)"
    }
  }

  /// The period unit an expression's values have, when it can be known before running.
  func unit(of expression: BoundExpression, in scope: BindingScope) -> PeriodUnit? {
    switch expression {
    case .column(let index, _): return scope.columns[index].unit
    case .literal(.period(let p), _): return p.unit
    case .arithmetic(_, let left, let right, .period):
      return unit(of: left, in: scope) ?? unit(of: right, in: scope)
    case .coalesce(let parts, .period): return parts.lazy.compactMap { unit(of: $0, in: scope) }.first
    case .cast(_, .period): return .year
    case .call(.period, let arguments, _):
      guard let argument = arguments.first else { return nil }
      return argument.type == .int64 ? .year : unit(of: argument, in: scope)
    default: return nil
    }
  }

  /// `rename NEW = OLD, ...`.
  func bindRename(_ pairs: [RenamePair], on plan: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
    let scope = BindingScope(plan.columns)
    var names = scope.columns.map(\.name)
    for pair in pairs {
      guard let index = scope.index(of: pair.oldName) else {
        throw unknownColumn(pair.oldName, at: pair.oldRange, in: scope)
      }
      names[index] = pair.newName
    }
    for (index, name) in names.enumerated() where names[..<index].contains(name) {
      let range = pairs.first { $0.newName == name }?.newRange ?? pairs[0].newRange
      throw error("after renaming, two columns would be called '\(name)'", at: range)
    }
    return .project(
      plan,
      scope.columns.enumerated().map { index, column in
        ProjectedColumn(name: names[index], expression: .column(index, column.type), unit: column.unit)
      })
  }

  /// `unpivot COL, ... [into NAME, VALUE]`.
  func bindUnpivot(_ columns: [Expression], nameColumn: String, valueColumn: String, on plan: LogicalPlan)
    throws(Diagnostic) -> LogicalPlan
  {
    let scope = BindingScope(plan.columns)
    var indices: [Int] = []
    var valueType: DataType?
    for expression in columns {
      guard case .column(let name, _) = expression.kind else {
        throw error("unpivot takes column names", at: expression.range)
      }
      guard let index = scope.index(of: name) else { throw unknownColumn(name, at: expression.range, in: scope) }
      let type = scope.columns[index].type
      switch (valueType, type) {
      case (nil, _): valueType = type
      case (.int64?, .double), (.double?, .int64): valueType = .double
      case (let current?, _) where current == type: break
      default:
        throw error(
          "unpivot needs columns of one type, but '\(name)' is \(type.name) and the others \(valueType?.name ?? "")",
          at: expression.range)
      }
      indices.append(index)
    }
    return .unpivot(
      plan, columns: indices, nameColumn: nameColumn, valueColumn: valueColumn, valueType: valueType ?? .string)
  }
}
