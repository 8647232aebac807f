import TrappeBase
import TrappeStorage
import TrappeQuery

/// Benchmarks municipalities on a measure against their comparison group, the country and the top 10.
///
/// Every pooled value is the sum of the numerators over the sum of the
/// denominators of the municipalities pooled (unless `unweighted`, then the
/// plain mean of their values). See ``BenchBinding`` for the syntax.
struct BenchOperator: AnalysisOperator {
  /// Its notes define its columns (`diff_peers, diff_national: …`): a footer leaves out those of columns not shown.
  var notesDefineColumns: Bool { true }
  let measure: MeasureDefinition
  /// The municipalities to benchmark, in output order.
  let municipalities: [String]
  /// Where each was named (for errors when it is missing from the data); empty for the default list.
  let mentions: [String: SourceRange]
  let source: SourceText
  let group: ComparisonGroup
  /// The period column (`by runde`), if any.
  let period: PlanColumn?
  let unweighted: Bool
  /// Whether the denominator sums ints (`sum(personer)`): then `n` is an int column, as the
  /// same sum in `summarize` would be.
  var integerCounts = false
  /// Only municipalities with at least this denominator (`n`) in a period qualify for the top 10
  /// (`min_n=`, default ``defaultMinimumN``; 0 lets every municipality in). Ranks still rank all.
  var minimumN: Double = BenchOperator.defaultMinimumN
  /// Whether to add the `funnel` column (`bench … funnel`, BenchOperator+Funnel.swift).
  var funnel = false
  /// Whether to add 95 % intervals (`ci`, or `.ci on`): see BenchOperator+Intervals.
  var intervals = false
  /// How many municipalities make up the top group.
  static let topCount = 10
  /// The default `min_n`: a rate on fewer than 100 in the denominator is too noisy to be a benchmark.
  static let defaultMinimumN = 100.0

  /// Which way is better for the measure: ranks and the top 10 follow it.
  var direction: MeasureDirection { measure.direction }

  var columns: [PlanColumn] {
    var columns = [PlanColumn(name: "kommune", type: .string)]
    if let period { columns.append(period) }
    for name in ["value", "peer_value", "national_value", "top10_value", "diff_peers", "diff_national"] {
      columns.append(PlanColumn(name: name, type: .double))
    }
    columns.append(PlanColumn(name: "rank_peers", type: .int64))
    columns.append(PlanColumn(name: "rank_national", type: .int64))
    columns.append(PlanColumn(name: "n", type: integerCounts ? .int64 : .double))
    if period != nil {
      for name in ["change", "did_peers", "did_national"] { columns.append(PlanColumn(name: name, type: .double)) }
    }
    if funnel { columns.append(PlanColumn(name: "funnel", type: .string)) }
    return columns + intervalPlanColumns
  }

  var summary: String {
    "bench \(measure.name) for \(municipalities.joined(separator: ", ")) against \(group.label)"
      + (period.map { " by \($0.name)" } ?? "") + (unweighted ? " unweighted" : "")
      + (minimumN == BenchOperator.defaultMinimumN ? "" : " min_n=\(BenchOperator.plain(minimumN))")
      + (funnel ? " funnel" : "")
      + (intervals ? " ci" : "")
  }

  /// The rank of `value` among `values` (1 = the best in `direction`: the highest for `better higher`,
  /// the lowest for `better lower`; ties share the better rank).
  static func rank(of value: Double?, among values: [Double], direction: MeasureDirection = .higher) -> Int64? {
    guard let value else { return nil }
    return Int64(1 + values.filter { direction.isBetter($0, than: value) }.count)
  }

  /// The best `topCount` of `values` in `direction` (ties broken by name), among the
  /// municipalities whose denominator is at least `minimumN`.
  static func best(
    _ values: [String: Double], denominators: [String: Double], direction: MeasureDirection, minimumN: Double
  ) -> [String] {
    values.filter { (denominators[$0.key] ?? 0) >= minimumN }
      .sorted { a, b in
        a.value != b.value ? direction.isBetter(a.value, than: b.value) : a.key < b.key
      }
      .prefix(topCount).map(\.key)
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard input.column(named: "kommune") != nil else {
      throw Diagnostic(.error, "bench needs a column 'kommune' in its input")
    }
    let data = try MeasureCells(input, measure: measure, key: period?.name)
    return try run(data, notes: &notes) { () throws(Diagnostic) in try expectedValues(input) }
  }

  /// The output from the measure's totals per municipality (and period); `expected()` gives the
  /// expected values of `against expected` (nil otherwise), asked for once the municipalities are checked.
  func run(
    _ data: MeasureCells, notes: inout [String], expected expectedValues: () throws(Diagnostic) -> BenchExpectedValues?
  ) throws(Diagnostic) -> Table {
    var targets: [String] = []
    for name in municipalities {
      if data.has(name) {
        targets.append(name)
      } else if let range = mentions[name] {
        throw source.diagnostic(
          "\(name) has no rows in the input", at: range, hints: ["check the filters before bench"])
      } else {
        notes.append("\(name) has no rows in the input and is left out")
      }
    }
    if targets.isEmpty { throw Diagnostic(.error, "none of the municipalities to benchmark is in the input") }
    let expected = try expectedValues()

    var kommune: [String?] = []
    var periodRows: [Int32] = []
    var value: [Double?] = []
    var peer: [Double?] = []
    var national: [Double?] = []
    var top: [Double?] = []
    var diffPeers: [Double?] = []
    var diffNational: [Double?] = []
    var rankPeers: [Int64?] = []
    var rankNational: [Int64?] = []
    var n: [Double?] = []
    var change: [Double?] = []
    var didPeers: [Double?] = []
    var didNational: [Double?] = []

    let everyone = data.municipalities
    var nationalByKey: [Double?] = []
    var valuesByKey: [[String: Double]] = []
    var denominatorsByKey: [[String: Double]] = []
    for key in 0..<data.keyCount {
      nationalByKey.append(data.pooled(everyone, key, unweighted: unweighted))
      var values: [String: Double] = [:]
      var denominators: [String: Double] = [:]
      for name in everyone {
        guard let cell = data.cell(name, key) else { continue }
        denominators[name] = cell.denominator
        if let v = data.value(cell) { values[name] = v }
      }
      valuesByKey.append(values)
      denominatorsByKey.append(denominators)
    }
    let at = { (key: Int) -> String in self.period.map { " in \($0.name) \(data.keyText(key))" } ?? "" }
    var topByKey: [Double?] = []
    var topNames: [String] = []
    var small: [(key: Int, names: [String])] = []
    for key in 0..<data.keyCount {
      let best = BenchOperator.best(
        valuesByKey[key], denominators: denominatorsByKey[key], direction: direction, minimumN: minimumN)
      topByKey.append(data.pooled(best, key, unweighted: unweighted))
      if period == nil { topNames = best }
      if best.count < BenchOperator.topCount {
        notes.append("top10_value\(at(key)) pools only \(best.count) municipalities")
      }
      let below = valuesByKey[key].keys.filter { (denominatorsByKey[key][$0] ?? 0) < minimumN }.sorted()
      if !below.isEmpty { small.append((key, below)) }
    }
    for name in targets {
      let others = (group.members[name] ?? []).filter { data.has($0) }
      if others.isEmpty, expected == nil { notes.append("no peers besides \(name): its peer columns are NULL") }
      var previous: (value: Double?, peer: Double?, national: Double?)?
      for key in 0..<data.keyCount {
        let cell = data.cell(name, key)
        let v = data.value(cell)
        if let cell, cell.denominator == 0 {
          notes.append("\(name)\(at(key)): the denominator \(measure.denominator) is 0, so the value is NULL")
        } else if cell == nil {
          notes.append("\(name) has no rows\(at(key)): its value is NULL")
        }
        let p = expected.map { $0.value(name, key) } ?? (others.isEmpty ? nil : data.pooled(others, key, unweighted: unweighted))
        if !others.isEmpty, p == nil {
          notes.append("the peers of \(name)\(at(key)) have a denominator of 0: peer_value is NULL")
        }
        let nat = nationalByKey[key]
        kommune.append(name)
        periodRows.append(Int32(key))
        value.append(v)
        peer.append(p)
        national.append(nat)
        top.append(topByKey[key])
        diffPeers.append(BenchOperator.difference(v, p))
        diffNational.append(BenchOperator.difference(v, nat))
        rankPeers.append(
          expected.map { $0.rank(name, key) }
            ?? (others.isEmpty
              ? nil
              : BenchOperator.rank(
                of: v, among: ([name] + others).compactMap { data.value(data.cell($0, key)) }, direction: direction)))
        rankNational.append(BenchOperator.rank(of: v, among: Array(valuesByKey[key].values), direction: direction))
        if let cell, v != nil, cell.denominator < minimumN {
          notes.append(
            "\(name)\(at(key)) has n = \(BenchOperator.plain(cell.denominator)), below min_n = \(BenchOperator.plain(minimumN)): it cannot be in the top 10, and its value and ranks rest on a small denominator")
        }
        n.append(cell?.denominator)
        if let previous {
          let c = BenchOperator.difference(v, previous.value)
          change.append(c)
          didPeers.append(BenchOperator.difference(c, BenchOperator.difference(p, previous.peer)))
          didNational.append(BenchOperator.difference(c, BenchOperator.difference(nat, previous.national)))
        } else {
          change.append(nil)
          didPeers.append(nil)
          didNational.append(nil)
        }
        previous = (v, p, nat)
      }
    }

    // Without a period there is one top 10, and the footer names it, best first.
    let members = topNames.isEmpty ? [] : ["top 10, best first: \(topNames.joined(separator: ", "))"]
    notes.insert(contentsOf: methodNotes() + members + smallNote(small, data: data), at: 0)
    var result: [(String, Column)] = [("kommune", AnalysisValues.stringColumn(kommune))]
    if let period, let keys = data.keys { result.append((period.name, keys.gather(periodRows))) }
    result += [
      ("value", AnalysisValues.doubleColumn(value)),
      ("peer_value", AnalysisValues.doubleColumn(peer)),
      ("national_value", AnalysisValues.doubleColumn(national)),
      ("top10_value", AnalysisValues.doubleColumn(top)),
      ("diff_peers", AnalysisValues.doubleColumn(diffPeers)),
      ("diff_national", AnalysisValues.doubleColumn(diffNational)),
      ("rank_peers", AnalysisValues.int64Column(rankPeers)),
      ("rank_national", AnalysisValues.int64Column(rankNational)),
      // Sums of ints are exact in the doubles up to 2^53, far beyond any count of persons.
      (
        "n",
        integerCounts
          ? AnalysisValues.int64Column(n.map { $0.flatMap { Int64(exactly: $0) } }) : AnalysisValues.doubleColumn(n)
      ),
    ]
    if period != nil {
      result += [
        ("change", AnalysisValues.doubleColumn(change)),
        ("did_peers", AnalysisValues.doubleColumn(didPeers)),
        ("did_national", AnalysisValues.doubleColumn(didNational)),
      ]
    }
    if funnel {
      let scale = funnelScale(values: value)
      result.append(("funnel", BenchOperator.funnelColumn(value: value, national: national, n: n, scale: scale)))
      notes.append(funnelNote(scale: scale))
    }
    if intervals {
      let rows = zip(kommune, periodRows).map { (name: $0.0 ?? "", key: Int($0.1)) }
      result += intervalColumns(
        rows: rows, value: value, peer: peer, national: national, data: data, expected: expected)
      notes += intervalNotes()
    }
    return Table(result)
  }

  /// The footer line counting the municipalities whose n was below `min_n` (left out of the top 10),
  /// with their names when there are at most twelve in all.
  func smallNote(_ small: [(key: Int, names: [String])], data: MeasureCells) -> [String] {
    guard !small.isEmpty else { return [] }
    let rule = "n < \(BenchOperator.plain(minimumN)), not eligible for the top 10 (still ranked)"
    var names: [String] = []
    for entry in small { for name in entry.names where !names.contains(name) { names.append(name) } }
    let listed = names.count <= 12 ? ": " + names.sorted().joined(separator: ", ") : ""
    guard let period else {
      return ["\(rule): \(names.count) \(names.count == 1 ? "municipality" : "municipalities")\(listed)"]
    }
    let counts = small.map { "\(period.name) \(data.keyText($0.key)): \($0.names.count)" }
    return ["\(rule): \(counts.joined(separator: ", "))\(names.count <= 12 ? " (\(names.sorted().joined(separator: ", ")))" : "")"]
  }

  /// `a − b`, or nil when either is missing.
  static func difference(_ a: Double?, _ b: Double?) -> Double? {
    guard let a, let b else { return nil }
    return a - b
  }

  /// A count or threshold as written: `100`, `2.5`.
  static func plain(_ value: Double) -> String { NumberFormatting.plain(value).replacingSuffix(".0") }

  /// The footer lines saying how each column is computed.
  func methodNotes() -> [String] {
    let points = measure.unit == "%" ? "percentage points" : "units of the measure"
    let pooling =
      unweighted
      ? "unweighted: peer, national and top-10 values are plain means of the municipalities' values"
      : "pooled values are sum of numerators / sum of denominators over the municipalities, never means of rates"
    let best = direction.bestWord
    let eligible =
      minimumN > 0
      ? " among those with n ≥ \(BenchOperator.plain(minimumN))" : ""
    var lines = [
      "\(measure.text)",
      group.expected ? expectedNote() : "peer_value: \(group.label), excluding the municipality itself; \(pooling)",
      "national_value: all municipalities in the input; top10_value: the \(BenchOperator.topCount) municipalities with the \(best) value (better = \(direction.rawValue))\(eligible)\(period == nil ? "" : " in each \(period?.name ?? "")"), pooled",
      "diff_peers, diff_national: value minus the other, in \(points) (\(direction == .higher ? "above" : "below") 0 is better); ranks: 1 = \(best) value (better = \(direction.rawValue)), every municipality ranked whatever its n (rank_peers among the group and the municipality)",
      "n: the denominator, \(measure.denominator)"
        + (measure.denominator.lowercased().contains("uger") ? " (person-weeks, not persons)" : "")
        + (minimumN > 0 ? ", which min_n counts (min_n=0: all may be in the top 10)" : ""),
    ]
    if let note = measure.noteLine { lines.insert(note, at: 1) }
    if !measure.directionStated {
      lines.append(
        "better: \(measure.name) does not say which way is better, so higher is assumed; if a lower value is better, define it with: measure \(measure.name) = … better lower"
      )
    }
    if let period {
      lines.append(
        "change: value minus the value in the previous \(period.name); did_peers, did_national: change minus the peers' / the country's change (difference-in-differences)"
      )
    }
    return lines + group.details
  }
}
