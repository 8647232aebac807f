@testable import TrappeStorage
@testable import TrappeShell
import TrappeTestSupport

extension CapturedSession {
  /// Puts `table` in the session's catalog as `name`, with the count `roles` of its columns (default
  /// none); catalog entries are internal to TrappeShell.
  func add(_ name: String, _ table: Table, roles: [CountRole] = []) {
    session.catalog.register(.given(name, table: table, roles: roles))
  }
}
