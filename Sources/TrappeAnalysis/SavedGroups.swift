import Synchronization

/// Comparison groups saved with `peers ... as NAME`, for a later `bench ... against NAME`.
///
/// One store per session (a replayed script or a golden case starts with none); the
/// `peers` operator saves into it when it runs. Names are case-sensitive; saving a name
/// again replaces it.
package final class SavedGroups: Sendable {
  private let groups = Mutex<[String: [String]]>([:])

  package init() {}

  /// Saves `members` (municipality names) under `name`.
  func save(_ name: String, members: [String]) {
    groups.withLock { $0[name] = members }
  }

  /// The members saved under `name`, if any.
  func members(of name: String) -> [String]? {
    groups.withLock { $0[name] }
  }

  /// Every saved name, sorted.
  var names: [String] {
    groups.withLock { $0.keys.sorted() }
  }
}
