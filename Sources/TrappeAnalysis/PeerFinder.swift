import TrappeBase
import TrappeStorage

/// Finds comparable municipalities: the k nearest by Euclidean distance between z-scores.
///
/// Each variable is standardised across all municipalities of one year,
/// z = (x − mean) / sd with the sample standard deviation (n − 1); the distance
/// of two municipalities is the square root of the summed squared z differences.
/// The default variables are the population, the unemployment rate and the
/// kontanthjælp rate of the earliest year in the panel (2007 in `kommunepanel`).
/// The `forloeb` generator (TrappeDatagen) chooses its comparison municipalities with this finder.
package struct PeerFinder: Sendable {
  /// The variables used by default.
  package static let defaultVariables = ["befolkning", "ledighed_pct", "kh_pct"]
  /// Variables computed from the panel when the table has no column of that name.
  static let derivedVariables: [String: (numerator: String, denominator: String)] = [
    "ledighed_pct": ("fuldtidsledige", "befolkning"),
    "kh_pct": ("kontanthjaelp_jan", "befolkning"),
  ]

  package let variables: [String]
  /// The year used (nil when the table has no `aar` column).
  package let year: Int64?
  /// Municipality names with complete values, in table order.
  package let names: [String]
  package let codes: [Int64?]
  /// Raw values, one array per municipality.
  let raw: [[Double]]
  /// Standardised values, one array per municipality.
  let scores: [[Double]]
  /// Caveats for the footer (excluded rows, constant variables).
  let caveats: [String]

  /// The names a variable may have in `columns`: the columns themselves plus the derived ones.
  static func availableVariables(in columns: [String]) -> [String] {
    columns + derivedVariables.keys.sorted().filter { !columns.contains($0) }
  }

  /// The distinct years of the panel's `aar` column, ascending (empty without one).
  static func years(in panel: Table) -> [Int64] {
    guard let years = panel.column(named: "aar").map(AnalysisValues.doubles) else { return [] }
    return Set(years.compactMap { $0.map { Int64($0) } }).sorted()
  }

  /// Prepares the finder from a panel with `kommune`, optional `kommunekode` and `aar`, and the
  /// variables, on the rows of `year` (default the earliest year in the panel).
  package init(panel: Table, variables: [String], year chosen: Int64? = nil) throws(Diagnostic) {
    guard let kommuneColumn = panel.column(named: "kommune") else {
      throw Diagnostic(.error, "peers needs a column 'kommune'")
    }
    let kommuner = AnalysisValues.strings(kommuneColumn)
    let codes = panel.column(named: "kommunekode").map(AnalysisValues.doubles)
    var rows = Array(0..<panel.rowCount)
    var year: Int64?
    if let years = panel.column(named: "aar").map(AnalysisValues.doubles) {
      let earliest = chosen.map(Double.init) ?? years.compactMap { $0 }.min()
      year = earliest.map { Int64($0) }
      rows = rows.filter { years[$0] != nil && years[$0] == earliest }
    }
    var columns: [[Double?]] = []
    for variable in variables {
      if let column = panel.column(named: variable) {
        columns.append(AnalysisValues.doubles(column))
      } else if let parts = PeerFinder.derivedVariables[variable], let top = panel.column(named: parts.numerator),
        let bottom = panel.column(named: parts.denominator)
      {
        let a = AnalysisValues.doubles(top)
        let b = AnalysisValues.doubles(bottom)
        columns.append(
          zip(a, b).map { x, y in
            guard let x, let y, y != 0 else { return nil }
            return 100 * x / y
          })
      } else {
        throw Diagnostic(.error, "the panel has no variable '\(variable)'")
      }
    }
    var names: [String] = []
    var codeList: [Int64?] = []
    var raw: [[Double]] = []
    var caveats: [String] = []
    var seen: Set<String> = []
    for row in rows {
      guard let name = kommuner[row] else { continue }
      if seen.contains(name) {
        throw Diagnostic(
          .error, "peers needs one row per municipality, but '\(name)' has several",
          hints: ["filter one year first, e.g. kommunepanel | where aar == 2007 | peers ..."])
      }
      seen.insert(name)
      let values = columns.map { $0[row] }
      guard values.allSatisfy({ $0 != nil }) else {
        caveats.append("\(name) has a missing value and is left out")
        continue
      }
      names.append(name)
      codeList.append(codes?[row].map { Int64($0) })
      raw.append(values.compactMap { $0 })
    }
    var scores = raw
    for index in variables.indices {
      let column = raw.map { $0[index] }
      let n = Double(column.count)
      let mean = column.reduce(0, +) / max(n, 1)
      let variance = n > 1 ? column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
      let sd = variance.squareRoot()
      if sd > 0 {
        for row in scores.indices { scores[row][index] = (raw[row][index] - mean) / sd }
      } else {
        caveats.append("\(variables[index]) does not vary, so it does not count")
        for row in scores.indices { scores[row][index] = 0 }
      }
    }
    self.variables = variables
    self.year = year
    self.names = names
    self.codes = codeList
    self.raw = raw
    self.scores = scores
    self.caveats = caveats
  }

  /// Whether the municipality is in the panel with complete values.
  package func contains(_ kommune: String) -> Bool { names.contains(kommune) }

  /// The `k` municipalities nearest to `kommune` (itself and `excluded` left out), nearest first;
  /// ties by name. The z-scores are those of every municipality in the panel.
  package func nearest(to kommune: String, k: Int, excluding excluded: Set<String> = []) -> [PeerMatch] {
    guard let center = names.firstIndex(of: kommune) else { return [] }
    var matches: [PeerMatch] = []
    for row in names.indices where row != center && !excluded.contains(names[row]) {
      var sum = 0.0
      for index in variables.indices {
        let d = scores[row][index] - scores[center][index]
        sum += d * d
      }
      matches.append(PeerMatch(kommune: names[row], kommunekode: codes[row], distance: sum.squareRoot(), values: raw[row]))
    }
    matches.sort { ($0.distance, $0.kommune) < ($1.distance, $1.kommune) }
    return Array(matches.prefix(max(0, k)))
  }

  /// The median, over every municipality in the panel, of the mean distance to its `k` nearest
  /// (with the same exclusions): what a typical match looks like, to judge one municipality's.
  func typicalMeanDistance(k: Int, excluding excluded: Set<String>) -> Double? {
    var means: [Double] = []
    for name in names {
      let matches = nearest(to: name, k: k, excluding: excluded)
      guard !matches.isEmpty else { continue }
      means.append(matches.map(\.distance).reduce(0, +) / Double(matches.count))
    }
    guard !means.isEmpty else { return nil }
    means.sort()
    let middle = means.count / 2
    return means.count % 2 == 1 ? means[middle] : (means[middle - 1] + means[middle]) / 2
  }

  /// A municipality's peers are poor matches when their mean distance exceeds this many times
  /// the median over all municipalities.
  static let poorMatchFactor = 3.0

  /// The footer warning when `matches` (the peers of `kommune`) are poor matches: their mean
  /// distance is over ``poorMatchFactor`` times ``typicalMeanDistance(k:excluding:)``.
  func poorMatchWarning(for kommune: String, matches: [PeerMatch], k: Int, excluding excluded: Set<String>) -> String? {
    guard !matches.isEmpty, let typical = typicalMeanDistance(k: k, excluding: excluded), typical > 0 else { return nil }
    let mean = matches.map(\.distance).reduce(0, +) / Double(matches.count)
    guard mean > PeerFinder.poorMatchFactor * typical else { return nil }
    return "warning: poor matches: \(kommune)'s \(matches.count) peers are at a mean distance of "
      + "\(AnalysisValues.format(mean)), \(AnalysisValues.format(mean / typical, digits: 1)) times the median of "
      + "every municipality's (\(AnalysisValues.format(typical))); nearest at \(AnalysisValues.format(matches[0].distance)); "
      + "comparisons with them say little"
  }

  /// One line describing the method, for notes.
  package var method: String {
    "nearest by Euclidean distance on z-scores (sample sd) of \(variables.joined(separator: ", "))"
      + (year.map { " in \($0)" } ?? "")
  }
}
