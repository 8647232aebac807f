import TrappeBase
import TrappeStorage

/// Aggregates used as windows with an `order by` (`sum(x) over kommune order by aar`):
/// running values, as SQL's default frame RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
///
/// Each row gets the aggregate over the rows of its partition up to and including its
/// peers (the rows whose order keys tie with its own), so tied rows share one value.
/// The semantics per function are those of `summarize` over that frame: NULLs are
/// skipped, a frame without non-NULL values gives NULL (count gives 0), `first`/`last`
/// are the first/last non-NULL value in the window's order (SQL's
/// `first_value/last_value(x IGNORE NULLS)`), an int `sum` is the exact running total
/// (kept in Int128), NULL on the rows where that total lies outside Int64 (counted in the
/// warnings) and a value again on later rows whose total is back inside, as SQL's HUGEINT
/// running sum cast to BIGINT.
///
/// `count`, `count_distinct`, `sum`, `avg`, `stdev`, `min`, `max`, `first` and `last` take
/// one pass over the sorted rows, `median` and `percentile` one pass with a Fenwick tree of
/// value ranks. Any other aggregate (ones added later) is
/// computed by the aggregate's own kernel over each peer group's frame, which costs
/// the sum over partitions of (rows × peer groups): fine for panels (a partition per
/// municipality), slow (but bounded in memory and stoppable with Ctrl-C) for one
/// partition of millions of distinct order keys.
enum RunningAggregateWindow {
  /// The running `function` of `input` (nil only for `count()`) in original row order.
  static func compute(
    _ function: AggregateFunction, parameter: Double?, input: Column?, layout: WindowLayout,
    warnings: inout EvaluationWarnings
  ) throws(ExecutionStop) -> Column {
    switch (function, input) {
    case (.count, _):
      return .int64(Int64Column(counts(layout, validity: input?.validity)))
    case (.sum, .int64(let c)?):
      return sumIntegers(layout, c.widenedValues(), c.validity, warnings: &warnings)
    case (.sum, .bool(let c)?):
      return sumIntegers(layout, c.values.map { $0 ? Int64(1) : 0 }, c.validity, warnings: &warnings)
    case (.sum, .double(let c)?):
      return sums(layout, c.values, c.validity, average: false)
    case (.avg, .int64(let c)?):
      return exactAverages(layout, c.widenedValues(), c.validity)
    case (.avg, .double(let c)?):
      return sums(layout, c.values, c.validity, average: true)
    case (.avg, .bool(let c)?):
      return sums(layout, c.values, c.validity, average: true)
    case (.first, let input?), (.last, let input?):
      return input.gather(ends(layout, validity: input.validity, first: function == .first))
    case (.min, let input?), (.max, let input?):
      return input.gather(extrema(layout, input, largest: function == .max))
    case (.count_distinct, let input?):
      return .int64(Int64Column(distinctCounts(layout, input)))
    case (.stdev, .int64(let c)?):
      return deviations(layout, c.widenedValues(), c.validity)
    case (.stdev, .double(let c)?):
      return deviations(layout, c.values, c.validity)
    case (.stdev, .bool(let c)?):
      return deviations(layout, c.values, c.validity)
    case (.median, .int64(let c)?):
      return quantiles(layout, c.widenedValues(), c.validity, percent: 50)
    case (.median, .double(let c)?):
      return quantiles(layout, c.values, c.validity, percent: 50)
    case (.median, .bool(let c)?):
      return quantiles(layout, c.values, c.validity, percent: 50)
    case (.percentile, .int64(let c)?):
      return quantiles(layout, c.widenedValues(), c.validity, percent: parameter)
    case (.percentile, .double(let c)?):
      return quantiles(layout, c.values, c.validity, percent: parameter)
    case (.percentile, .bool(let c)?):
      return quantiles(layout, c.values, c.validity, percent: parameter)
    default:
      return try framewise(function, parameter: parameter, input: input, layout: layout)
    }
  }

  /// Calls `body(start, end)` for each peer group, in order, with `partitionStart` set
  /// at the first group of each partition.
  @inline(__always)
  private static func forEachPeerGroup(
    _ layout: WindowLayout, _ body: (_ partitionStart: Bool, _ start: Int, _ end: Int) -> Void
  ) {
    let starts = layout.partitionStarts
    let peers = layout.peerStarts
    for k in 0..<(starts.count - 1) {
      var start = starts[k]
      let partitionEnd = starts[k + 1]
      var first = true
      while start < partitionEnd {
        var end = start + 1
        while end < partitionEnd && !peers[end] { end += 1 }
        body(first, start, end)
        first = false
        start = end
      }
    }
  }

  /// Running row counts (no validity) or non-NULL counts.
  private static func counts(_ layout: WindowLayout, validity: ValidityMask?) -> [Int64] {
    var out = [Int64](repeating: 0, count: layout.count)
    let rows = layout.rows
    var total: Int64 = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart { total = 0 }
      for p in start..<end where validity?.isValid(Int(rows[p])) ?? true { total += 1 }
      for p in start..<end { out[Int(rows[p])] = total }
    }
    return out
  }

  /// Running exact totals (in Int128); NULL before the first non-NULL value and where the
  /// total lies outside Int64.
  private static func sumIntegers(
    _ layout: WindowLayout, _ values: [Int64], _ validity: ValidityMask, warnings: inout EvaluationWarnings
  ) -> Column {
    var out = [Int64](repeating: 0, count: layout.count)
    var valid = [Bool](repeating: false, count: layout.count)
    let rows = layout.rows
    var total: Int128 = 0
    var seen = false
    var overflowRows = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        total = 0
        seen = false
      }
      for p in start..<end {
        let row = Int(rows[p])
        guard validity.isValid(row) else { continue }
        total += Int128(values[row])
        seen = true
      }
      guard seen else { return }
      guard let value = Int64(exactly: total) else {
        overflowRows += end - start
        return
      }
      for p in start..<end {
        let row = Int(rows[p])
        out[row] = value
        valid[row] = true
      }
    }
    warnings.overflows += overflowRows
    return .int64(Int64Column(values: out, validity: .fromFlags(valid)))
  }

  /// Running means of ints: the exact Int128 total rounded to Double once, over the count.
  private static func exactAverages(_ layout: WindowLayout, _ values: [Int64], _ validity: ValidityMask) -> Column {
    var out = [Double](repeating: 0, count: layout.count)
    var valid = [Bool](repeating: false, count: layout.count)
    let rows = layout.rows
    var total: Int128 = 0
    var count = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        total = 0
        count = 0
      }
      for p in start..<end {
        let row = Int(rows[p])
        guard validity.isValid(row) else { continue }
        total += Int128(values[row])
        count += 1
      }
      guard count > 0 else { return }
      let value = Double(total) / Double(count)
      for p in start..<end {
        out[Int(rows[p])] = value
        valid[Int(rows[p])] = true
      }
    }
    return .double(PrimitiveColumn(values: out, validity: .fromFlags(valid)))
  }

  /// Running compensated (Neumaier) sums or means as Double; NULL while no value was seen.
  private static func sums<T: AggregateNumeric>(
    _ layout: WindowLayout, _ values: [T], _ validity: ValidityMask, average: Bool
  ) -> Column {
    var out = [Double](repeating: 0, count: layout.count)
    var valid = [Bool](repeating: false, count: layout.count)
    let rows = layout.rows
    var sum = 0.0
    var compensation = 0.0
    var count = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        sum = 0
        compensation = 0
        count = 0
      }
      for p in start..<end {
        let row = Int(rows[p])
        guard validity.isValid(row) else { continue }
        let x = values[row].aggregateDouble
        let total = sum + x
        compensation += abs(sum) >= abs(x) ? (sum - total) + x : (x - total) + sum
        sum = total
        count += 1
      }
      guard count > 0 else { return }
      let corrected = sum + compensation
      let total = corrected.isFinite ? corrected : sum
      let value = average ? total / Double(count) : total
      for p in start..<end {
        out[Int(rows[p])] = value
        valid[Int(rows[p])] = true
      }
    }
    return .double(PrimitiveColumn(values: out, validity: .fromFlags(valid)))
  }

  /// For each row: the first (or last) non-NULL row of its frame, or -1.
  private static func ends(_ layout: WindowLayout, validity: ValidityMask, first: Bool) -> [Int32] {
    var out = [Int32](repeating: -1, count: layout.count)
    let rows = layout.rows
    var chosen: Int32 = -1
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart { chosen = -1 }
      for p in start..<end where validity.isValid(Int(rows[p])) {
        if !first || chosen < 0 { chosen = rows[p] }
      }
      for p in start..<end { out[Int(rows[p])] = chosen }
    }
    return out
  }

  /// For each row: the row holding the smallest (or largest) non-NULL value of its frame, or -1.
  ///
  /// Values are compared by their position in a stable sort of the input (the order
  /// `sort` uses: numbers, NaN above every number, periods by ordinal, bools false
  /// first, strings by ``DanishCollation``), the same order as `min`/`max` in `summarize`.
  private static func extrema(_ layout: WindowLayout, _ input: Column, largest: Bool) -> [Int32] {
    let sorted = SortKernel.permutation(keys: [input], descending: [false])
    var position = [Int32](repeating: 0, count: sorted.count)
    for (index, row) in sorted.enumerated() { position[Int(row)] = Int32(truncatingIfNeeded: index) }
    var out = [Int32](repeating: -1, count: layout.count)
    let rows = layout.rows
    let validity = input.validity
    var best: Int32 = -1
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart { best = -1 }
      for p in start..<end {
        let row = rows[p]
        guard validity.isValid(Int(row)) else { continue }
        if best < 0 {
          best = row
        } else if largest ? position[Int(row)] > position[Int(best)] : position[Int(row)] < position[Int(best)] {
          best = row
        }
      }
      for p in start..<end { out[Int(rows[p])] = best }
    }
    return out
  }

  /// Running counts of distinct non-NULL values: values are numbered once (as `count_distinct`
  /// groups them), and each partition marks the numbers it has seen.
  private static func distinctCounts(_ layout: WindowLayout, _ input: Column) -> [Int64] {
    let ids = GroupIndex.build(keys: [input], rowCount: input.count)
    var seenIn = [Int32](repeating: -1, count: ids.groupCount)
    var out = [Int64](repeating: 0, count: layout.count)
    let rows = layout.rows
    let validity = input.validity
    var partition: Int32 = -1
    var total: Int64 = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        partition += 1
        total = 0
      }
      for p in start..<end where validity.isValid(Int(rows[p])) {
        let id = Int(ids.groupOf[Int(rows[p])])
        if seenIn[id] != partition {
          seenIn[id] = partition
          total += 1
        }
      }
      for p in start..<end { out[Int(rows[p])] = total }
    }
    return out
  }

  /// Running sample standard deviations (Welford's update of mean and squared deviations);
  /// NULL until two values were seen.
  private static func deviations<T: AggregateNumeric>(
    _ layout: WindowLayout, _ values: [T], _ validity: ValidityMask
  ) -> Column {
    var out = [Double](repeating: 0, count: layout.count)
    var valid = [Bool](repeating: false, count: layout.count)
    let rows = layout.rows
    var count = 0.0
    var mean = 0.0
    var squares = 0.0
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        count = 0
        mean = 0
        squares = 0
      }
      for p in start..<end where validity.isValid(Int(rows[p])) {
        let x = values[Int(rows[p])].aggregateDouble
        count += 1
        let delta = x - mean
        mean += delta / count
        squares += delta * (x - mean)
      }
      guard count > 1 else { return }
      let deviation = (squares / (count - 1)).squareRoot()
      for p in start..<end {
        out[Int(rows[p])] = deviation
        valid[Int(rows[p])] = true
      }
    }
    return .double(PrimitiveColumn(values: out, validity: .fromFlags(valid)))
  }

  /// Running continuous quantiles (``PercentileAggregate``'s definition: position
  /// h = (n - 1)·p/100 between the sorted values, NaN above every number): the rows are
  /// ranked by value once, and a Fenwick tree over the ranks holds the frame's values, so
  /// each peer group finds its two order statistics in O(log n).
  private static func quantiles<T: AggregateNumeric>(
    _ layout: WindowLayout, _ raw: [T], _ validity: ValidityMask, percent: Double?
  ) -> Column {
    guard let percent, !percent.isNaN else { return Column.nulls(.double, count: layout.count) }
    let fraction = Swift.min(Swift.max(percent, 0), 100) / 100
    let values = raw.map(\.aggregateDouble)
    // Rank by value: numbers ascending, then NaN (NULL rows are never added to the tree).
    var byValue = SortKernel.permutation(keys: [.double(DoubleColumn(values))], descending: [false])
    let numbers = byValue.filter { !values[Int($0)].isNaN }
    byValue = numbers + byValue.filter { values[Int($0)].isNaN }
    let n = byValue.count
    var rank = [Int32](repeating: 0, count: n)
    for (index, row) in byValue.enumerated() { rank[Int(row)] = Int32(truncatingIfNeeded: index) }
    var tree = [Int32](repeating: 0, count: n + 1)
    func add(_ position: Int, _ delta: Int32) {
      var i = position + 1
      while i <= n {
        tree[i] &+= delta
        i += i & -i
      }
    }
    var highBit = 1
    while highBit * 2 <= n { highBit *= 2 }
    /// The value of the k-th (0-based) smallest rank in the tree.
    func value(at k: Int) -> Double {
      var position = 0
      var remaining = Int32(truncatingIfNeeded: k + 1)
      var step = highBit
      while step > 0 {
        let next = position + step
        if next <= n && tree[next] < remaining {
          position = next
          remaining -= tree[next]
        }
        step /= 2
      }
      return values[Int(byValue[position])]
    }
    var out = [Double](repeating: 0, count: layout.count)
    var valid = [Bool](repeating: false, count: layout.count)
    let rows = layout.rows
    var added: [Int] = []
    forEachPeerGroup(layout) { partitionStart, start, end in
      if partitionStart {
        for position in added { add(position, -1) }
        added.removeAll(keepingCapacity: true)
      }
      for p in start..<end where validity.isValid(Int(rows[p])) {
        let position = Int(rank[Int(rows[p])])
        add(position, 1)
        added.append(position)
      }
      let count = added.count
      guard count > 0 else { return }
      let h = fraction * Double(count - 1)
      let lowRank = Swift.min(Int(h.rounded(.down)), count - 1)
      let weight = h - Double(lowRank)
      let low = value(at: lowRank)
      var result = low
      if !low.isNaN, weight > 0, lowRank + 1 < count {
        let high = value(at: lowRank + 1)
        result = high.isNaN ? .nan : low + (high - low) * weight
      }
      for p in start..<end {
        out[Int(rows[p])] = result
        valid[Int(rows[p])] = true
      }
    }
    return .double(PrimitiveColumn(values: out, validity: .fromFlags(valid)))
  }

  /// Any other aggregate: its own kernel over every peer group's frame (one group per peer
  /// group, holding the partition's rows up to the group's end), then each row takes its peer
  /// group's value. The frames are gathered in batches of about `batchRows` rows, so memory
  /// stays bounded, and Ctrl-C is checked between batches.
  static func framewise(
    _ function: AggregateFunction, parameter: Double?, input: Column?, layout: WindowLayout,
    batchRows: Int = 4_000_000
  ) throws(ExecutionStop) -> Column {
    var groupOfRow = [Int32](repeating: -1, count: layout.count)
    var batches: [Column] = []
    var expanded: [Int32] = []
    var groupOf: [Int32] = []
    var firstRow: [Int32] = []
    var groupsBefore = 0
    let rows = layout.rows
    var interrupted: ExecutionStop?
    func flush() {
      guard !firstRow.isEmpty else { return }
      let groups = GroupIndex(groupOf: groupOf, groupCount: firstRow.count, firstRow: firstRow)
      batches.append(Aggregator.compute(function, input: input?.gather(expanded), parameter: parameter, groups: groups))
      groupsBefore += firstRow.count
      expanded.removeAll(keepingCapacity: true)
      groupOf.removeAll(keepingCapacity: true)
      firstRow.removeAll(keepingCapacity: true)
      do throws(ExecutionStop) { try Interrupt.check() } catch { interrupted = error }
    }
    var partitionFirst = 0
    forEachPeerGroup(layout) { partitionStart, start, end in
      guard interrupted == nil else { return }
      if partitionStart { partitionFirst = start }
      if !expanded.isEmpty && expanded.count + (end - partitionFirst) > batchRows { flush() }
      let group = Int32(truncatingIfNeeded: firstRow.count)
      firstRow.append(Int32(truncatingIfNeeded: expanded.count))
      for p in partitionFirst..<end {
        expanded.append(rows[p])
        groupOf.append(group)
      }
      for p in start..<end { groupOfRow[Int(rows[p])] = Int32(truncatingIfNeeded: groupsBefore) + group }
    }
    flush()
    if let interrupted { throw interrupted }
    // One column of every peer group's value: join the batches pairwise (same type each).
    while batches.count > 1 {
      var joined: [Column] = []
      for index in stride(from: 0, to: batches.count, by: 2) {
        if index + 1 < batches.count, let both = batches[index].concatenated(batches[index + 1]) {
          joined.append(both)
        } else {
          joined.append(batches[index])
          if index + 1 < batches.count { joined.append(batches[index + 1]) }
        }
      }
      if joined.count == batches.count { break }  // types that do not concatenate (never expected)
      batches = joined
    }
    guard let perGroup = batches.first, batches.count == 1 else {
      return Column.nulls(Aggregator.resultType(function, input: input?.type) ?? .double, count: layout.count)
    }
    return perGroup.gather(groupOfRow)
  }
}
