import TrappeBase
import TrappeStorage
import TrappeQuery

/// A `peers ... on (VARIABLE from TABLE)` variable: a municipality-level column of another table
/// (a dataset, a `let` table or a loaded CSV), joined to the input by municipality.
///
/// The key is `kommunekode` when both tables have it, else `kommune` (names as in the input,
/// compared without case). When both tables have `aar`, a row of the input takes the value of
/// the same year. Each municipality (and year) must have exactly one value.
struct PeerSideVariable: Sendable {
  /// The column in the other table, which is also the variable's name in the output.
  let name: String
  let nameRange: SourceRange
  /// The other table as named and where.
  let table: String
  let tableRange: SourceRange
  /// `kommunekode` or `kommune`.
  let key: String
  /// Whether the join also matches `aar`.
  let byYear: Bool
  /// The other table's values by key (the code's digits or the lower-cased name) and year
  /// (nil without `aar`): every row, so duplicates can be reported when they matter.
  let values: [PeerSideKey: [Double?]]

  /// The note for the footer.
  var note: String {
    "\(name) from \(table), joined on \(key)\(byYear ? " and aar" : "")"
  }

  /// Checks the table and column when the command is bound.
  init(
    name: String, nameRange: SourceRange, table tableName: AnalysisTableName, input: [PlanColumn],
    context: AnalysisContext
  ) throws(Diagnostic) {
    let table = try context.table(tableName.name, at: tableName.range)
    let columns = table.schema.names
    guard let column = table.column(named: name) else {
      throw context.error(
        "\(tableName.name) has no column '\(name)'", at: nameRange,
        hints: ["columns of \(tableName.name): \(columns.joined(separator: ", "))"]
      ).suggesting(Suggestion.nearest(to: name, in: columns))
    }
    guard column.type == .int64 || column.type == .double else {
      throw context.error("'\(name)' in \(tableName.name) is not a number", at: nameRange)
    }
    let inputNames = input.map(\.name)
    if columns.contains("kommunekode"), inputNames.contains("kommunekode") {
      key = "kommunekode"
    } else if columns.contains("kommune"), inputNames.contains("kommune") {
      key = "kommune"
    } else {
      throw context.error(
        "\(tableName.name) has no column kommunekode or kommune to join it to the input by municipality",
        at: tableName.range, hints: ["columns of \(tableName.name): \(columns.joined(separator: ", "))"])
    }
    byYear = columns.contains("aar") && inputNames.contains("aar")
    let keys = PeerSideVariable.keys(table, key: key)
    let years = byYear ? table.column(named: "aar").map(AnalysisValues.doubles) : nil
    let numbers = AnalysisValues.doubles(column)
    var values: [PeerSideKey: [Double?]] = [:]
    for row in 0..<table.rowCount {
      guard let k = keys[row] else { continue }
      let year = years?[row].map { Int64($0) }
      if byYear, year == nil { continue }
      values[PeerSideKey(municipality: k, year: year), default: []].append(numbers[row])
    }
    self.name = name
    self.nameRange = nameRange
    self.table = tableName.name
    self.tableRange = tableName.range
    self.values = values
  }

  /// The join key of every row: the code's digits, or the lower-cased name.
  static func keys(_ table: Table, key: String) -> [String?] {
    guard let column = table.column(named: key) else { return Array(repeating: nil, count: table.rowCount) }
    if key == "kommunekode" {
      return AnalysisValues.doubles(column).map { $0.map { String(Int64($0)) } }
    }
    return AnalysisValues.strings(column).map { $0?.lowercased() }
  }

  /// The variable for each row of `input`, checked on the rows of `years` (every row when nil):
  /// a row without a value, or with several, is an error at the variable or the table.
  func column(for input: Table, years used: Set<Int64>?, source: SourceText) throws(Diagnostic) -> Column {
    let keys = PeerSideVariable.keys(input, key: key)
    let names = input.column(named: "kommune").map(AnalysisValues.strings) ?? []
    let years = input.column(named: "aar").map(AnalysisValues.doubles)
    var result: [Double?] = []
    result.reserveCapacity(input.rowCount)
    for row in 0..<input.rowCount {
      let year = years?[row].map { Int64($0) }
      let checked = used.map { set in year.map(set.contains) ?? false } ?? true
      let lookup = PeerSideKey(municipality: keys[row] ?? "", year: byYear ? year : nil)
      let found = values[lookup] ?? []
      let who = (row < names.count ? names[row] : nil) ?? keys[row] ?? "row \(row + 1)"
      let when = byYear ? " in \(year.map(String.init) ?? "?")" : ""
      if checked, found.count > 1 {
        throw source.diagnostic(
          "\(table) has \(found.count) rows for \(who)\(when); peers needs one value per municipality\(byYear ? " and year" : "")",
          at: tableRange, hints: ["keep one row each first, e.g. let t = \(table) | where ..."])
      }
      if checked, found.first.flatMap({ $0 }) == nil {
        throw source.diagnostic(
          "\(who) has no value of \(name) in \(table)\(when) (joined on \(key)\(byYear ? " and aar" : ""))",
          at: nameRange, hints: ["every municipality compared needs a value; filter the input to those that have one"])
      }
      result.append(found.first.flatMap { $0 })
    }
    return AnalysisValues.doubleColumn(result)
  }
}
