import TrappeBase
import TrappeStorage

/// Aggregates computed morsel by morsel: every morsel aggregates its rows into its own partial
/// result per group (with the existing kernels), and the partials are combined per group in
/// morsel order, so the result does not depend on the thread count.
///
/// - `count`, `count_if`: the partial counts add up.
/// - `sum` and `avg` of int and bool: partial sums in Int128 add up exactly, so the result is the
///   one-pass result (an int `sum` outside Int64 is NULL with an overflow warning, as before).
/// - `sum` and `avg` of double: each morsel's Neumaier-compensated sum, then those sums added with
///   Neumaier compensation in morsel order. This can differ from one pass in the last bits, never
///   between thread counts.
/// - `min`, `max` of int, double and period: the same kernel over the morsels' results (NULL where
///   a morsel has no value), which keeps its rules (a NaN max wins, a NaN min only when all are NaN).
/// Other functions and inputs (strings, distinct counts, medians, ...) return nil: the caller
/// runs the one-pass kernel over all rows with the morsel-built groups.
///
/// Used only when ``Executor/morselAggregation`` is on (off by default: with kernels that take
/// whole arrays each morsel first copies its rows and group ids, and Scripts/bench measured the
/// whole summarize slower than one pass even on two threads; it pays once the kernels take a row
/// range). The tests run it with small morsels against one thread and one pass.
extension Aggregator {
  /// `function` over `input` per group of `groups`, morsel by morsel; nil when it takes the one-pass
  /// path (see above; also with more groups than a quarter of a morsel's rows, where the partial
  /// arrays would outweigh the rows). Without `parallel` (one thread) only double sums and averages
  /// take partials: for every other function the one-pass result is the same, and cheaper.
  static func computeInMorsels(
    _ function: AggregateFunction, input: Column?, groups: GroupIndex, morselRows: Int, threads: Int?,
    parallel: Bool, warnings: inout EvaluationWarnings
  ) -> Column? {
    let rowCount = groups.rowCount
    let k = groups.groupCount
    guard Morsels.applies(to: rowCount, size: morselRows), k * 4 <= morselRows else { return nil }
    let kind: PartialKind
    switch (function, input) {
    case (.count, _): kind = .count
    case (.count_if, .bool?): kind = .count
    case (.sum, .int64?), (.sum, .bool?): kind = .integerSum
    case (.avg, .int64?): kind = .integerAverage
    case (.sum, .double?): kind = .doubleSum
    case (.avg, .double?), (.avg, .bool?): kind = .doubleAverage
    case (.min, .int64?), (.min, .double?), (.min, .period?): kind = .extremum(largest: false)
    case (.max, .int64?), (.max, .double?), (.max, .period?): kind = .extremum(largest: true)
    default: return nil
    }
    guard parallel || kind == .doubleSum || kind == .doubleAverage else { return nil }
    let ranges = Morsels.ranges(rowCount, size: morselRows)
    let partials = Morsels.map(ranges, threads: threads) { _, range -> Partial in
      let own = GroupIndex(groupOf: Array(groups.groupOf[range]), groupCount: k, firstRow: [])
      let part = input?.morsel(range)
      switch kind {
      case .count:
        if function == .count_if, let part { return .counts(CountIfAggregate.compute(input: part, groups: own)) }
        return .counts(CountAggregate.compute(input: part, groups: own))
      case .integerSum, .integerAverage:
        let column: Int64Column
        switch part {
        case .int64(let c)?: column = c
        case .bool(let c)?: column = Int64Column(values: c.values.map { $0 ? 1 : 0 }, validity: c.validity)
        default: column = Int64Column([])
        }
        // One range: the morsels already run on all threads.
        let (totals, counts) = ExactIntegerSums.compute(column, own, ranges: 1)
        return .exact(totals, counts)
      case .doubleSum, .doubleAverage:
        switch part {
        case .double(let c)?:
          let (sums, counts) = NeumaierSums.compute(c.values, c.validity, own)
          return .compensated(sums, counts)
        case .bool(let c)?:
          let (sums, counts) = NeumaierSums.compute(c.values, c.validity, own)
          return .compensated(sums, counts)
        default: return .compensated([Double](repeating: 0, count: k), [Int64](repeating: 0, count: k))
        }
      case .extremum(let largest):
        guard let part else { return .counts(.nulls(.int64, count: k)) }
        return .counts(ExtremumAggregate.compute(input: part, groups: own, largest: largest))
      }
    }
    var parts: [Partial] = []
    for partial in partials {
      guard let partial else { return .nulls(resultType(function, input: input?.type) ?? .int64, count: k) }  // Ctrl-C
      parts.append(partial)
    }
    // Partial row m * k + g is morsel m's result for group g.
    let merge = GroupIndex(
      groupOf: (0..<parts.count).flatMap { _ in (0..<k).map { Int32($0) } }, groupCount: k,
      firstRow: (0..<k).map { Int32($0) })
    switch kind {
    case .count:
      let columns = parts.compactMap { if case .counts(let c) = $0 { return c } else { return nil } }
      guard let all = Column.joinedMorsels(columns) else { return nil }
      return SumAggregate.compute(input: all, groups: merge)
    case .extremum(let largest):
      let columns = parts.compactMap { if case .counts(let c) = $0 { return c } else { return nil } }
      guard let all = Column.joinedMorsels(columns) else { return nil }
      return ExtremumAggregate.compute(input: all, groups: merge, largest: largest).nullingNonFinite(&warnings)
    case .integerSum, .integerAverage:
      var totals = [Int128](repeating: 0, count: k)
      var counts = [Int](repeating: 0, count: k)
      for case .exact(let t, let n) in parts {
        for g in 0..<k {
          totals[g] += t[g]
          counts[g] += n[g]
        }
      }
      if kind == .integerAverage {
        var means = [Double](repeating: 0, count: k)
        for g in 0..<k where counts[g] > 0 { means[g] = Double(totals[g]) / Double(counts[g]) }
        return Column.double(PrimitiveColumn(values: means, validity: .fromFlags(counts.map { $0 > 0 })))
          .nullingNonFinite(&warnings)
      }
      var sums = [Int64](repeating: 0, count: k)
      var seen = counts.map { $0 > 0 }
      for g in 0..<k where seen[g] {
        if let total = Int64(exactly: totals[g]) {
          sums[g] = total
        } else {
          seen[g] = false
          warnings.overflows += 1
        }
      }
      return .int64(Int64Column(values: sums, validity: .fromFlags(seen)))
    case .doubleSum, .doubleAverage:
      var values: [Double] = []
      var valid: [Bool] = []
      var counts = [Int64](repeating: 0, count: k)
      for case .compensated(let s, let n) in parts {
        values += s
        valid += n.map { $0 > 0 }
        for g in 0..<k { counts[g] += n[g] }
      }
      let (sums, _) = NeumaierSums.compute(values, .fromFlags(valid), merge)
      var out = [Double](repeating: 0, count: k)
      for g in 0..<k where counts[g] > 0 {
        out[g] = kind == .doubleAverage ? sums[g] / Double(counts[g]) : sums[g]
      }
      return Column.double(PrimitiveColumn(values: out, validity: .fromFlags(counts.map { $0 > 0 })))
        .nullingNonFinite(&warnings)
    }
  }

  /// How a function's partials combine.
  private enum PartialKind: Equatable {
    case count, integerSum, integerAverage, doubleSum, doubleAverage
    case extremum(largest: Bool)
  }

  /// One morsel's partial result per group.
  private enum Partial {
    /// A column of k rows (counts, or minima/maxima).
    case counts(Column)
    /// Exact integer sums and value counts.
    case exact([Int128], [Int])
    /// Compensated double sums and value counts.
    case compensated([Double], [Int64])
  }
}
