import Glibc

extension Session {
  /// A path as a command means it: `~` expanded, and a relative path inside a script
  /// taken from the script's folder when the file is there.
  func resolvePath(_ path: String) -> String {
    let expanded = expandHome(path)
    guard !expanded.hasPrefix("/"), let directory = scriptDirectories.last, !directory.isEmpty else {
      return expanded
    }
    let candidate = directory + "/" + expanded
    return access(candidate, F_OK) == 0 ? candidate : expanded
  }

  /// The folder part of a path ("" for a bare file name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}
