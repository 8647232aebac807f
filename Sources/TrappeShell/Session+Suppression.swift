import TrappeStorage
import TrappeIO
import TrappeQuery

extension Session {
  /// The count roles of a table's columns, from its catalog entry (a dataset's int columns whose
  /// manifest unit is `persons` are counts; results and `let` tables keep their lineage); else none.
  func countRoles(of name: String, table: Table) -> [CountRole] {
    if let entry = catalog.entry(name), entry.roles.count == table.columnCount { return entry.roles }
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
