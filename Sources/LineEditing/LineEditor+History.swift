import CLibEdit
import Glibc

extension LineEditor {
  /// Adds `entry` to the history; a multi-line statement is one entry.
  ///
  /// Blank entries are skipped, and so is a repeat of the previous entry.
  package func addHistory(_ entry: String) {
    guard entry.contains(where: { !$0.isWhitespace }) else { return }
    trappe_history_enter(history, entry)
  }

  /// Writes the history file atomically: to a temporary file, then renamed over the old one.
  ///
  /// Creates the file's directory (and its parents) when missing. Returns
  /// whether the file was written.
  @discardableResult
  package func saveHistory() -> Bool {
    guard let path = historyPath else { return false }
    LineEditor.makeDirectories(LineEditor.parent(of: path))
    let temporary = path + ".tmp-\(getpid())"
    guard trappe_history_save(history, temporary) >= 0 else {
      unlink(temporary)
      return false
    }
    guard rename(temporary, path) == 0 else {
      unlink(temporary)
      return false
    }
    return true
  }

  /// The history entries, newest first (for tests and diagnostics).
  package var historyEntries: [String] {
    var entries: [String] = []
    var current = trappe_history_first(history)
    while let entry = current {
      entries.append(String(cString: entry))
      current = trappe_history_next(history)
    }
    return entries
  }

  /// Loads the history file if there is one.
  func loadHistory() {
    guard let path = historyPath, access(path, R_OK) == 0 else { return }
    trappe_history_load(history, path)
  }

  /// The directory part of `path` (`.` when there is none).
  static func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// Creates `directory` and any missing parents, like `mkdir -p`.
  static func makeDirectories(_ directory: String) {
    var prefix = directory.hasPrefix("/") ? "/" : ""
    for component in directory.split(separator: "/") {
      prefix += component
      if mkdir(prefix, 0o700) != 0 && errno != EEXIST { return }
      prefix += "/"
    }
  }
}
