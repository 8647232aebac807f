import Synchronization

/// Comparison groups saved with `peers ... as NAME`, for a later `bench ... against NAME`.
///
/// The store is process-wide (a shell serves one user, and ``AnalysisContext``
/// carries no session state for analyses); a `Mutex` keeps it safe when tests
/// run in parallel. Names are case-sensitive; saving a name again replaces it.
enum SavedGroups {
  private static let groups = Mutex<[String: [String]]>([:])

  /// Saves `members` (municipality names) under `name`.
  static func save(_ name: String, members: [String]) {
    groups.withLock { $0[name] = members }
  }

  /// The members saved under `name`, if any.
  static func members(of name: String) -> [String]? {
    groups.withLock { $0[name] }
  }

  /// Every saved name, sorted.
  static var names: [String] {
    groups.withLock { $0.keys.sorted() }
  }
}
