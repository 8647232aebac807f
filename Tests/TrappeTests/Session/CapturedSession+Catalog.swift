@testable import TrappeStorage
@testable import TrappeShell
import TrappeTestSupport

extension CapturedSession {
  /// Puts `table` in the session's catalog as `name` (the catalog's setter is internal to TrappeShell).
  func add(_ name: String, _ table: Table) { session.catalog.set(table, as: name) }
}
