import TrappeStorage

/// Works out which output columns of a plan are person counts and which are built on them.
///
/// A column is a count when `count()`, `count(x)` or `count_distinct(x)` produced it,
/// when `sum`, `min`, `max`, `avg`, `median`, `percentile`, `first` or `last`
/// aggregated a count, when a window took a count from its partition, or when it
/// was passed through unchanged from a count (select, rename, sort, filter, join,
/// union). A column is derived when an expression reads counts of the same row. The
/// scanned tables' roles come from `tableRoles` (datasets: int columns whose unit is
/// `persons`; earlier results and `let` tables: their remembered roles).
package enum CountLineage {
  /// The role of each of `plan.columns`, in order.
  package static func roles(of plan: LogicalPlan, tableRoles: (String, Table) -> [CountRole]) -> [CountRole] {
    switch plan {
    case .scan(let name, let table, let columns):
      let all = table.columnCount == 0 ? [] : tableRoles(name, table)
      guard all.count == table.columnCount else { return columns.map { _ in .plain } }
      var mapping: [Int: Int] = [:]
      for (output, index) in columns.enumerated() where mapping[index] == nil { mapping[index] = output }
      return columns.map { remap(all[$0], mapping) }

    case .filter(let child, let predicate):
      // Which rows survive a filter on a count says something about that count (`where startet
      // == 3 | select herkomst` names the cell holding 3), so every other column becomes built on
      // the counts the predicate reads: hidden with them, and hidden whole when they are dropped.
      let input = roles(of: child, tableRoles: tableRoles)
      let identity = Dictionary(uniqueKeysWithValues: input.indices.map { ($0, $0) })
      let read = built(reading: predicate.referencedColumns, input: input, mapping: identity)
      guard case .derived(let counts, let complete) = read else { return input }
      return input.map { role in
        switch role {
        case .count: return .count
        case .plain: return .derived(inputs: counts, complete: complete)
        case .derived(let inputs, let whole):
          return .derived(inputs: Array(Set(inputs).union(counts)).sorted(), complete: whole && complete)
        }
      }

    case .sort(let child, _), .topN(let child, _, _), .limit(let child, _), .distinct(let child):
      return roles(of: child, tableRoles: tableRoles)

    case .project(let child, let projected):
      let input = roles(of: child, tableRoles: tableRoles)
      var mapping: [Int: Int] = [:]
      for (output, column) in projected.enumerated() {
        if let index = passedThrough(column.expression), mapping[index] == nil { mapping[index] = output }
      }
      return projected.map { column in
        if let index = passedThrough(column.expression) { return remap(input[index], mapping) }
        return built(reading: column.expression.referencedColumns, input: input, mapping: mapping)
      }

    case .aggregate(let child, let keys, let aggregates):
      let input = roles(of: child, tableRoles: tableRoles)
      let keyRoles = keys.map { key -> CountRole in
        guard let index = passedThrough(key.expression), input[index] == .count else { return .plain }
        return .count
      }
      return keyRoles + aggregates.map { aggregateRole($0.call, input: input) }

    case .window(let child, let windows):
      let input = roles(of: child, tableRoles: tableRoles)
      let identity = Dictionary(uniqueKeysWithValues: input.indices.map { ($0, $0) })
      return input + windows.map { window in
        let call = window.call
        let readsCount = call.input.map { readsCounts($0, input: input) } ?? false
        switch call.function {
        case .aggregate(let function, let parameter):
          return aggregateRole(
            AggregateCall(function: function, input: call.input, parameter: parameter, type: call.type), input: input)
        case .prev, .next, .runningSum:
          return readsCount ? .count : .plain
        case .share, .change, .yoy, .movingAverage:
          guard let expression = call.input else { return .plain }
          return built(reading: expression.referencedColumns, input: input, mapping: identity)
        case .rank, .denseRank, .percentRank, .rowNumber, .ntile:
          return .plain
        }
      }

    case .join(let left, let right, let kind, _, _, let rightColumns, _):
      let leftRoles = roles(of: left, tableRoles: tableRoles)
      if kind == .anti { return leftRoles }
      let rightRoles = roles(of: right, tableRoles: tableRoles)
      var mapping: [Int: Int] = [:]
      for (k, index) in rightColumns.enumerated() where mapping[index] == nil { mapping[index] = leftRoles.count + k }
      return leftRoles + rightColumns.map { remap(rightRoles[$0], mapping) }

    case .union(let left, let right, let columns):
      let sides = [left, right].map { side in
        (names: side.columns.map(\.name), roles: roles(of: side, tableRoles: tableRoles))
      }
      let outputNames = columns.map(\.name)
      return outputNames.map { name in
        var role = CountRole.plain
        for side in sides {
          guard let index = side.names.firstIndex(of: name) else { continue }
          role = merge(role, renamed(side.roles[index], from: side.names, to: outputNames))
        }
        return role
      }

    case .pivot(let child, let by, _, _):
      let input = roles(of: child, tableRoles: tableRoles)
      var mapping: [Int: Int] = [:]
      for (output, index) in by.enumerated() where mapping[index] == nil { mapping[index] = output }
      return by.map { remap(input[$0], mapping) }

    case .unpivot(let child, let columns, _, _, _):
      let input = roles(of: child, tableRoles: tableRoles)
      let kept = input.indices.filter { !columns.contains($0) }
      var mapping: [Int: Int] = [:]
      for (output, index) in kept.enumerated() { mapping[index] = output }
      let unpivoted = columns.map { input[$0] }
      let value: CountRole =
        unpivoted.contains(.count)
        ? .count : unpivoted.contains(where: \.involvesCounts) ? .derived(inputs: [], complete: false) : .plain
      return kept.map { remap(input[$0], mapping) } + [.plain, value]

    case .count:
      return [.count]

    case .materialized(let child, let result):
      // The child's columns, then the ones only its result has (a pivot's value columns).
      let known = roles(of: child, tableRoles: tableRoles)
      let trailing = trailingRole(of: child, tableRoles: tableRoles)
      let extra = max(0, result.table.columnCount - known.count)
      return Array((known + Array(repeating: trailing, count: extra)).prefix(result.table.columnCount))

    case .analysis(_, let node):
      let operation = node.operation
      let names = operation.columns.map(\.name)
      let counts = Set(operation.countColumns)
      let derived = operation.derivedColumns
      return names.map { name in
        if counts.contains(name) { return .count }
        guard let inputs = derived[name] else { return .plain }
        let found = inputs.compactMap { input in names.firstIndex(of: input) }
        return .derived(inputs: found, complete: found.count == inputs.count)
      }
    }
  }

  /// The role of the columns a plan adds only when it runs (a pivot's value columns).
  package static func trailingRole(of plan: LogicalPlan, tableRoles: (String, Table) -> [CountRole]) -> CountRole {
    switch plan {
    case .filter(let child, _), .sort(let child, _), .topN(let child, _, _), .limit(let child, _),
      .distinct(let child):
      return trailingRole(of: child, tableRoles: tableRoles)
    case .pivot(let child, _, _, let value):
      return aggregateRole(value, input: roles(of: child, tableRoles: tableRoles))
    default:
      return .plain
    }
  }

  /// The roles of a dataset's columns: int columns whose manifest unit is `persons` are counts.
  package static func datasetRoles(_ table: Table, unit: (String) -> String?) -> [CountRole] {
    table.schema.fields.map { field in
      field.type == .int64 && unit(field.name) == "persons" ? .count : .plain
    }
  }

  /// The input column an expression passes through unchanged (allowing widening casts), if any.
  static func passedThrough(_ expression: BoundExpression) -> Int? {
    switch expression {
    case .column(let index, _): return index
    case .cast(let inner, _): return passedThrough(inner)
    default: return nil
    }
  }

  /// Whether an expression reads a count column.
  static func readsCounts(_ expression: BoundExpression, input: [CountRole]) -> Bool {
    expression.referencedColumns.contains { input[$0] == .count }
  }

  /// The role of an aggregate over columns with roles `input`.
  static func aggregateRole(_ call: AggregateCall, input: [CountRole]) -> CountRole {
    switch call.function {
    case .count, .count_distinct, .count_if:
      return .count
    case .sum, .min, .max, .avg, .median, .percentile, .first, .last, .arg_max, .arg_min:
      return call.input.map { readsCounts($0, input: input) } == true ? .count : .plain
    case .stdev, .corr:
      return .plain
    }
  }

  /// The role of a column computed from the input columns `read`; `mapping` takes input to output indices.
  static func built(reading read: Set<Int>, input: [CountRole], mapping: [Int: Int]) -> CountRole {
    var sources: Set<Int> = []
    var complete = true
    for index in read {
      switch input[index] {
      case .plain: break
      case .count: sources.insert(index)
      case .derived(let inputs, let whole):
        sources.formUnion(inputs)
        complete = complete && whole
      }
    }
    if sources.isEmpty && complete { return .plain }
    let mapped = sources.compactMap { mapping[$0] }.sorted()
    return .derived(inputs: mapped, complete: complete && mapped.count == sources.count)
  }

  /// A role with its derived inputs moved through `mapping`; inputs that are gone make it incomplete.
  static func remap(_ role: CountRole, _ mapping: [Int: Int]) -> CountRole {
    guard case .derived(let inputs, let complete) = role else { return role }
    let mapped = inputs.compactMap { mapping[$0] }
    return .derived(inputs: mapped.sorted(), complete: complete && mapped.count == inputs.count)
  }

  /// A role's derived inputs moved from positions in `from` to the same names' positions in `to`.
  static func renamed(_ role: CountRole, from: [String], to: [String]) -> CountRole {
    var mapping: [Int: Int] = [:]
    for (index, name) in from.enumerated() {
      if let output = to.firstIndex(of: name) { mapping[index] = output }
    }
    return remap(role, mapping)
  }

  /// The stricter of two roles of one union column: a count wins, derived inputs are joined.
  static func merge(_ a: CountRole, _ b: CountRole) -> CountRole {
    switch (a, b) {
    case (.count, _), (_, .count): return .count
    case (.plain, let other), (let other, .plain): return other
    case (.derived(let x, let cx), .derived(let y, let cy)):
      return .derived(inputs: Array(Set(x).union(y)).sorted(), complete: cx && cy)
    }
  }
}
