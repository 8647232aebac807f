import TrappeBase
import TrappeStorage
import TrappeQuery

/// `flow from A to B for KOMMUNE against peers [k=N]`: the municipality's flow table next to its
/// peers' pooled one.
///
/// Both tables are ``FlowAnalysis`` on the municipality's own rows and on its peers' rows
/// together: peer_persons is the peers' total per (from, to), peer_row_pct = peer_persons / the
/// peers' persons with that from_status × 100 (pooled: persons summed before dividing, not a mean
/// of the peers' shares); diff_pct = row_pct − peer_row_pct, NULL where either side has no one.
struct FlowPeersAnalysis: AnalysisOperator {
  let flow: FlowAnalysis
  let municipality: String
  let peers: [String]
  let details: [String]

  var columns: [PlanColumn] {
    [
      PlanColumn(name: "from_status", type: .string), PlanColumn(name: "to_status", type: .string),
      PlanColumn(name: "persons", type: .int64), PlanColumn(name: "row_pct", type: .double),
      PlanColumn(name: "peer_persons", type: .int64), PlanColumn(name: "peer_row_pct", type: .double),
      PlanColumn(name: "diff_pct", type: .double),
    ]
  }

  var summary: String { flow.summary + " for \(municipality) against peers" }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard case .string(let kommune)? = input.column(named: "kommune") else {
      throw Diagnostic(.error, "flow … against peers needs a kommune column in its input")
    }
    let peerSet = Set(peers)
    var own: [Int32] = []
    var others: [Int32] = []
    var present: Set<String> = []
    let isPeer = kommune.dictionary.map { peerSet.contains($0) }
    let isOwn = kommune.dictionary.map { $0 == municipality }
    let kommuneCodes = kommune.widenedCodes()
    for row in 0..<kommune.count where kommune.validity.isValid(row) {
      let code = Int(kommuneCodes[row])
      if isOwn[code] { own.append(Int32(row)) }
      if isPeer[code] {
        others.append(Int32(row))
        present.insert(kommune.dictionary[code])
      }
    }
    if own.isEmpty { throw Diagnostic(.error, "\(municipality) has no spells in the input") }
    if others.isEmpty {
      throw Diagnostic(
        .error, "none of \(municipality)'s peers (\(peers.joined(separator: ", "))) has spells in the input",
        hints: ["forloeb holds the method municipalities and their 3 nearest peers: try k=3"])
    }
    var ownNotes: [String] = []
    var peerNotes: [String] = []
    let mine = try flow.run(input.gather(own), notes: &ownNotes)
    let theirs = try flow.run(input.gather(others), notes: &peerNotes)
    func cells(_ t: Table) -> [String: (Int64, Double)] {
      guard case .string(let f)? = t.column(named: "from_status"), case .string(let to)? = t.column(named: "to_status"),
        case .int64(let p)? = t.column(named: "persons")
      else { return [:] }
      var out: [String: (Int64, Double)] = [:]
      var totals: [String: Int64] = [:]
      for i in 0..<t.rowCount { totals[f.dictionary[f.code(at: i)], default: 0] += p.slot(i) }
      for i in 0..<t.rowCount {
        let from = f.dictionary[f.code(at: i)]
        out[from + "\u{1}" + to.dictionary[to.code(at: i)]] = (p.slot(i), Double(p.slot(i)) * 100 / Double(totals[from] ?? 1))
      }
      return out
    }
    let a = cells(mine)
    let b = cells(theirs)
    let keys = Set(a.keys).union(b.keys).sorted { x, y in
      let (xf, xt) = Self.split(x)
      let (yf, yt) = Self.split(y)
      if xf != yf { return DanishCollation.areInIncreasingOrder(xf, yf) }
      let xp = a[x]?.0 ?? 0
      let yp = a[y]?.0 ?? 0
      if xp != yp { return xp > yp }
      return DanishCollation.areInIncreasingOrder(xt, yt)
    }
    var from: [String?] = []
    var to: [String?] = []
    var persons: [Int64?] = []
    var pct: [Double?] = []
    var peerPersons: [Int64?] = []
    var peerPct: [Double?] = []
    var diff: [Double?] = []
    func rounded(_ v: Double) -> Double { (v * 10).rounded() / 10 }
    for key in keys {
      let (f, t) = Self.split(key)
      from.append(f)
      to.append(t)
      let mineCell = a[key]
      let theirCell = b[key]
      persons.append(mineCell?.0 ?? 0)
      pct.append(mineCell.map { rounded($0.1) })
      peerPersons.append(theirCell?.0 ?? 0)
      peerPct.append(theirCell.map { rounded($0.1) })
      diff.append(mineCell.flatMap { m in theirCell.map { rounded(m.1 - $0.1) } })
    }
    let table = Table([
      ("from_status", AnalysisValues.stringColumn(from)), ("to_status", AnalysisValues.stringColumn(to)),
      ("persons", AnalysisValues.int64Column(persons)), ("row_pct", AnalysisValues.doubleColumn(pct)),
      ("peer_persons", AnalysisValues.int64Column(peerPersons)),
      ("peer_row_pct", AnalysisValues.doubleColumn(peerPct)), ("diff_pct", AnalysisValues.doubleColumn(diff)),
    ])
    notes += ownNotes.prefix(1).map { "\(municipality): " + $0 }
    notes += peerNotes.prefix(1).map { "peers: " + $0 }
    notes += details
    let missing = peers.filter { !present.contains($0) }
    if !missing.isEmpty { notes.append("peers without spells in the input: \(missing.joined(separator: ", "))") }
    notes.append(
      "peer_row_pct = the peers' persons (pooled) / their persons with that from_status × 100; diff_pct = row_pct − "
        + "peer_row_pct (percentage points; computed before rounding); rows where \(municipality) has no one keep persons 0 "
        + "and NULL shares")
    notes += ownNotes.dropFirst().filter { $0.hasPrefix("a round") || $0.hasPrefix("status") }
    return table
  }

  private static func split(_ key: String) -> (String, String) {
    let parts = key.split(separator: "\u{1}", maxSplits: 1, omittingEmptySubsequences: false)
    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
  }
}
