import TrappeBase
import TrappeStorage

/// Morsel-driven evaluation of row-wise expressions and filters (DuckDB's model): an input of
/// more than one morsel (``Morsels``) is cut into row ranges that run on up to
/// ``Parallelism/threads`` threads through the same kernels as the one-pass path, and the
/// morsels' columns, selections and warning counts are put together in morsel order, so the
/// result does not depend on the thread count.
extension Executor {
  /// Whether morsels run on more than one thread. Only then do row-wise expressions, filters,
  /// grouping and the join's key lookup and pairs take the morsel path: its result is the one-pass
  /// result, and on one thread cutting the input into morsels only costs copies. With
  /// ``morselAggregation`` double sums and averages are the exception: they always go through
  /// morsel partials, so their last bits never depend on the thread count.
  var parallel: Bool { (threads ?? Parallelism.threads) > 1 }

  /// The largest string dictionary an expression evaluated in morsels may read: kernels on strings
  /// work once per dictionary entry (a comparison ranks the dictionary), and every morsel would repeat that.
  static let morselDictionaryLimit = 4096

  /// Whether `expression` can be evaluated morsel by morsel with the same result as in one pass:
  /// every value depends on its own row only (true of every expression), and nothing in it makes
  /// strings (a string result's dictionary would be built per morsel) or reads a large dictionary.
  func evaluatesInMorsels(_ expression: BoundExpression, on input: Relation) -> Bool {
    guard parallel, Morsels.applies(to: input.rowCount, size: morselRows) else { return false }
    for index in expression.referencedColumns {
      guard input.table.columns.indices.contains(index) else { return false }
      if case .string(let c) = input.table.columns[index], c.dictionary.count > Executor.morselDictionaryLimit { return false }
    }
    return Executor.makesNoStrings(expression)
  }

  private static func makesNoStrings(_ expression: BoundExpression) -> Bool {
    switch expression {
    case .column, .literal: return true
    default: return expression.type != .string && expression.children.allSatisfy(makesNoStrings)
    }
  }

  /// `expression` over `input`, morsel by morsel, or nil when it takes the one-pass path.
  mutating func evaluateInMorsels(_ expression: BoundExpression, on input: Relation) -> Column? {
    guard evaluatesInMorsels(expression, on: input) else { return nil }
    let (used, mapping) = input.morselColumns(expression.referencedColumns)
    let remapped = expression.remapped(mapping)
    let ranges = Morsels.ranges(input.rowCount, size: morselRows)
    let results = Morsels.map(ranges, threads: threads) { _, range -> (Column, EvaluationWarnings) in
      var counted = EvaluationWarnings()
      let column = ExpressionEvaluator.evaluate(remapped, on: input.morselTable(used, range), warnings: &counted)
      return (column, counted)
    }
    var parts: [Column] = []
    parts.reserveCapacity(results.count)
    for (result, range) in zip(results, ranges) {
      // A morsel skipped on Ctrl-C: the caller reads the flag before using anything.
      guard let (column, counted) = result else { return .nulls(expression.type, count: input.rowCount) }
      mergeMorselWarnings(counted, start: range.lowerBound)
      parts.append(column)
    }
    return Column.joinedMorsels(parts) ?? .nulls(expression.type, count: input.rowCount)
  }

  /// The rows of `input` where `predicate` is true, morsel by morsel, or nil when it takes the one-pass path.
  /// A predicate the fused ``SelectionKernel`` takes (`and`/`or`/`not` over comparisons, nothing
  /// that warns) runs it over each morsel's row range of the input's own columns
  /// (``SelectionKernel/selectionInMorsels(_:on:morselRows:threads:warnings:)``) with
  /// ``morselSelection``, else in one pass: copying the morsels' columns first cost more than the
  /// second core gained (filter_int 5 ms on two threads, 3 ms on one), and without copies it is
  /// not yet measured on an idle machine.
  mutating func filterInMorsels(_ predicate: BoundExpression, on input: Relation) -> Relation? {
    if !predicate.mayWarn {
      switch predicate {
      case .comparison, .logical, .not:
        guard morselSelection, parallel, Morsels.applies(to: input.rowCount, size: morselRows) else { return nil }
        let (table, mapping) = input.compact(predicate.referencedColumns)
        guard
          let rows = SelectionKernel.selectionInMorsels(
            predicate.remapped(mapping), on: table, morselRows: morselRows, threads: threads, warnings: &warnings)
        else { return nil }
        return input.reordered(rows)
      default: break
      }
    }
    guard evaluatesInMorsels(predicate, on: input) else { return nil }
    let (used, mapping) = input.morselColumns(predicate.referencedColumns)
    let remapped = predicate.remapped(mapping)
    let ranges = Morsels.ranges(input.rowCount, size: morselRows)
    let selection = input.selection
    let results = Morsels.map(ranges, threads: threads) { _, range -> ([Int32], EvaluationWarnings) in
      var counted = EvaluationWarnings()
      var rows = ExpressionEvaluator.selection(remapped, on: input.morselTable(used, range), warnings: &counted)
      // Morsel rows to rows of the underlying table.
      let start = range.lowerBound
      rows.withUnsafeMutableBufferPointer { out in
        if let selection {
          selection.withUnsafeBufferPointer { s in
            for i in out.indices { out[i] = s[start + Int(out[i])] }
          }
        } else {
          let offset = Int32(start)
          for i in out.indices { out[i] &+= offset }
        }
      }
      return (rows, counted)
    }
    var rows: [Int32] = []
    rows.reserveCapacity(results.reduce(0) { $0 + ($1?.0.count ?? 0) })
    for (result, range) in zip(results, ranges) {
      guard let (part, counted) = result else { return Relation(table: input.table, selection: []) }
      mergeMorselWarnings(counted, start: range.lowerBound)
      rows += part
    }
    return Relation(table: input.table, selection: rows)
  }

  /// Adds one morsel's warning counts (morsels in order); its first problem row becomes a row of the whole input.
  mutating func mergeMorselWarnings(_ counted: EvaluationWarnings, start: Int) {
    if warnings.firstRow == nil, let row = counted.firstRow { warnings.firstRow = start + row }
    warnings.merge(counted)
  }
}

extension Relation {
  /// The columns of the table `indices` name (sorted) and the mapping of expression column
  /// indices to positions among them, for ``morselTable(_:_:)``.
  func morselColumns(_ indices: Set<Int>) -> ([Int], [Int: Int]) {
    let ordered = indices.sorted()
    var mapping: [Int: Int] = [:]
    for (position, index) in ordered.enumerated() { mapping[index] = position }
    return (ordered, mapping)
  }

  /// The relation's rows `range` of the table columns `used`, as a table (selection applied).
  func morselTable(_ used: [Int], _ range: Range<Int>) -> Table {
    var named: [(String, Column)] = []
    if let selection {
      let rows = Array(selection[range])
      for index in used { named.append((table.schema.fields[index].name, table.columns[index].gather(rows))) }
    } else {
      for index in used { named.append((table.schema.fields[index].name, table.columns[index].morsel(range))) }
    }
    if named.isEmpty {
      // An expression that reads no column still needs the row count.
      named.append(("\u{1}rows", .bool(PrimitiveColumn([Bool](repeating: false, count: range.count)))))
    }
    return Table(named)
  }
}

extension Executor {
  /// The groups of `rowCount` rows by `keys` (``AggregateGrouping``), built morsel by morsel when that pays.
  func groupsInMorsels(keys: [Column], rowCount: Int) -> GroupIndex {
    if morselAggregation, parallel,
      let groups = GroupIndex.buildInMorsels(keys: keys, rowCount: rowCount, morselRows: morselRows, threads: threads)
    {
      return groups
    }
    return AggregateGrouping.groups(keys: keys, rowCount: rowCount)
  }

  /// One aggregate per group: from morsel partials when the function has them
  /// (``Aggregator/computeInMorsels(_:input:groups:morselRows:threads:parallel:warnings:)``), else in one pass.
  mutating func aggregateInMorsels(
    _ function: AggregateFunction, input: Column?, argument: Column?, parameter: Double?, groups: GroupIndex
  ) -> Column {
    if morselAggregation, argument == nil,
      let column = Aggregator.computeInMorsels(
        function, input: input, groups: groups, morselRows: morselRows, threads: threads, parallel: parallel,
        warnings: &warnings)
    {
      return column
    }
    return Aggregator.compute(
      function, input: input, argument: argument, parameter: parameter, groups: groups, warnings: &warnings)
  }
}

extension Executor {
  /// `column` gathered at `rows`: in morsels of rows on up to ``threads`` threads when there are
  /// more than one, else in one pass that calls `poll` as it goes. The same column either way.
  /// On one thread too: the morsels' gathers are Column's specialised one, and Ctrl-C is read
  /// between morsels (the bench's row_join went from 169 to 62 ms on one thread with it).
  func gatherInMorsels(
    _ column: Column, _ rows: [Int32], polling poll: () throws(ExecutionStop) -> Void
  ) throws(ExecutionStop) -> Column {
    guard Morsels.applies(to: rows.count, size: morselRows) else { return try column.gather(rows, polling: poll) }
    let gathered = column.gatherInMorsels(rows, morselRows: morselRows, threads: threads)
    // Morsels skip their work on Ctrl-C: never use what they returned.
    try poll()
    return gathered
  }
}
