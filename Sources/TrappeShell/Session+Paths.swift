import Glibc

extension Session {
  /// A path as a command means it: `~` expanded, and a relative path inside a script
  /// taken from the script's folder when the file is there.
  ///
  /// Otherwise a relative path is taken from ``workingDirectory`` when one is set (tests replay
  /// sessions side by side in one process, each with its own folder, without `chdir`).
  func resolvePath(_ path: String) -> String {
    let expanded = expandHome(path)
    guard !expanded.hasPrefix("/") else { return expanded }
    if let directory = scriptDirectories.last, !directory.isEmpty {
      let candidate = directory + "/" + expanded
      if access(candidate, F_OK) == 0 { return candidate }
    }
    guard let base = workingDirectory else { return expanded }
    return base + "/" + expanded
  }

  /// The folder part of a path ("" for a bare file name).
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}
