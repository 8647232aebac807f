import TrappeBase
import TrappeStorage
import TrappeQuery

/// Benchmarks municipalities on a measure against their comparison group, the country and the top 10.
///
/// Every pooled value is the sum of the numerators over the sum of the
/// denominators of the municipalities pooled (unless `unweighted`, then the
/// plain mean of their values). See ``BenchBinding`` for the syntax.
struct BenchOperator: AnalysisOperator {
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
  /// How many municipalities make up the top group.
  static let topCount = 10

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
    return columns
  }

  var summary: String {
    "bench \(measure.name) for \(municipalities.joined(separator: ", ")) against \(group.label)"
      + (period.map { " by \($0.name)" } ?? "") + (unweighted ? " unweighted" : "")
  }

  /// The rank of `value` among `values` (1 = highest; ties share the better rank).
  static func rank(of value: Double?, among values: [Double]) -> Int64? {
    guard let value else { return nil }
    return Int64(1 + values.filter { $0 > value }.count)
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard input.column(named: "kommune") != nil else {
      throw Diagnostic(.error, "bench needs a column 'kommune' in its input")
    }
    let data = try MeasureCells(input, measure: measure, key: period?.name)
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
    for key in 0..<data.keyCount {
      nationalByKey.append(data.pooled(everyone, key, unweighted: unweighted))
      var values: [String: Double] = [:]
      for name in everyone { if let v = data.value(data.cell(name, key)) { values[name] = v } }
      valuesByKey.append(values)
    }
    var topByKey: [Double?] = []
    for key in 0..<data.keyCount {
      let best = valuesByKey[key].sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(BenchOperator.topCount)
      topByKey.append(data.pooled(best.map(\.key), key, unweighted: unweighted))
      if best.count < BenchOperator.topCount {
        notes.append("top10_value\(period == nil ? "" : " in \(period?.name ?? "") \(data.keyText(key))") pools only \(best.count) municipalities")
      }
    }
    let at = { (key: Int) -> String in self.period.map { " in \($0.name) \(data.keyText(key))" } ?? "" }
    for name in targets {
      let others = (group.members[name] ?? []).filter { data.has($0) }
      if others.isEmpty { notes.append("no peers besides \(name): its peer columns are NULL") }
      var previous: (value: Double?, peer: Double?, national: Double?)?
      for key in 0..<data.keyCount {
        let cell = data.cell(name, key)
        let v = data.value(cell)
        if let cell, cell.denominator == 0 {
          notes.append("\(name)\(at(key)): the denominator \(measure.denominator) is 0, so the value is NULL")
        } else if cell == nil {
          notes.append("\(name) has no rows\(at(key)): its value is NULL")
        }
        let p = others.isEmpty ? nil : data.pooled(others, key, unweighted: unweighted)
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
          others.isEmpty ? nil : BenchOperator.rank(of: v, among: ([name] + others).compactMap { data.value(data.cell($0, key)) }))
        rankNational.append(BenchOperator.rank(of: v, among: Array(valuesByKey[key].values)))
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

    notes.insert(contentsOf: methodNotes(), at: 0)
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
    return Table(result)
  }

  /// `a − b`, or nil when either is missing.
  static func difference(_ a: Double?, _ b: Double?) -> Double? {
    guard let a, let b else { return nil }
    return a - b
  }

  /// The footer lines saying how each column is computed.
  func methodNotes() -> [String] {
    let points = measure.unit == "%" ? "percentage points" : "units of the measure"
    let pooling =
      unweighted
      ? "unweighted: peer, national and top-10 values are plain means of the municipalities' values"
      : "pooled values are sum of numerators / sum of denominators over the municipalities, never means of rates"
    var lines = [
      "\(measure.text)",
      "peer_value: \(group.label), excluding the municipality itself; \(pooling)",
      "national_value: all municipalities in the input; top10_value: the \(BenchOperator.topCount) municipalities with the highest value (best = highest) in each period, pooled",
      "diff_peers, diff_national: value minus the other, in \(points); ranks: 1 = highest value (rank_peers among the group and the municipality)",
      "n: the denominator, \(measure.denominator)",
    ]
    if let period {
      lines.append(
        "change: value minus the value in the previous \(period.name); did_peers, did_national: change minus the peers' / the country's change (difference-in-differences)"
      )
    }
    return lines + group.details
  }
}
