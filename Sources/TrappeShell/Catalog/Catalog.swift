import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

/// The named tables of a session, in the order they were added.
///
/// A value type: a command builds its new table completely before it calls
/// ``set(_:as:)``, so a failed command leaves the catalog as it was.
struct Catalog: Sendable {
  private var tables: [String: Table] = [:]
  /// The table names in insertion order.
  private(set) var names: [String] = []

  /// Creates an empty catalog.
  init() {}

  /// The table called `name`.
  subscript(name: String) -> Table? { tables[name] }

  /// Adds or replaces the table called `name`.
  mutating func set(_ table: Table, as name: String) {
    if tables.updateValue(table, forKey: name) == nil { names.append(name) }
  }

  /// Removes the table called `name`; returns whether it existed.
  @discardableResult
  mutating func remove(_ name: String) -> Bool {
    guard tables.removeValue(forKey: name) != nil else { return false }
    names.removeAll { $0 == name }
    return true
  }

  /// Whether a table called `name` exists.
  func contains(_ name: String) -> Bool { tables[name] != nil }

  /// The number of tables.
  var count: Int { names.count }
}
