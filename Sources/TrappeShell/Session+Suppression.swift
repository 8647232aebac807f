import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

extension Session {
  /// The count roles of a table's columns: remembered for results and `let` tables; for a
  /// dataset, its int columns whose manifest unit is `persons` are counts; otherwise none.
  func countRoles(of name: String, table: Table) -> [CountRole] {
    let key = name == "_" ? "out\(results.count)" : name
    if let roles = countRoles[key], roles.count == table.columnCount { return roles }
    if let manifest = datasets.manifest(key), provenance[key] == nil || provenance[key] == manifest.provenanceLine {
      return CountLineage.datasetRoles(table) { manifest.column($0)?.unit }
    }
    return table.schema.fields.map { _ in .plain }
  }

  /// The roles of a plan's result columns, padded for columns only known after running (a pivot's).
  func countRoles(of plan: LogicalPlan, result: Table) -> [CountRole] {
    let lookup: (String, Table) -> [CountRole] = { [unowned self] name, table in self.countRoles(of: name, table: table) }
    var roles = CountLineage.roles(of: plan, tableRoles: lookup)
    if roles.count < result.columnCount {
      let trailing = CountLineage.trailingRole(of: plan, tableRoles: lookup)
      roles += Array(repeating: trailing, count: result.columnCount - roles.count)
    }
    return Array(roles.prefix(result.columnCount))
  }

  /// The cells of `table` the current `.suppress` setting hides.
  func suppression(of table: Table, roles: [CountRole]) -> SuppressionMask {
    guard let threshold = settings.suppressBelow else { return SuppressionMask() }
    return SuppressionMask(table: table, roles: roles, below: threshold)
  }
}
