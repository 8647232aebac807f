import Glibc

/// The repository's root folder, found from this file's path, and the folders tests read from it.
package enum ProjectRoot {
  /// The root of the repository (the folder holding `Package.swift`).
  package static let path: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/TrappeTestSupport/ProjectRoot.swift
    return parts.joined(separator: "/")
  }()

  /// The committed `Datasets/` folder.
  package static var datasets: String { path + "/Datasets" }

  /// `relative` (a path inside the repository, without a leading slash) as an absolute path.
  package static func file(_ relative: String) -> String { path + "/" + relative }

  /// The files under `directory` (recursively) whose names end in `suffix`, e.g. `.swift`.
  package static func files(under directory: String, endingIn suffix: String) -> [String] {
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var found: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) {
        String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name.hasPrefix(".") { continue }
      let path = directory + "/" + name
      if name.hasSuffix(suffix) {
        found.append(path)
      } else if entry.pointee.d_type == UInt8(DT_DIR) {
        found += files(under: path, endingIn: suffix)
      }
    }
    return found
  }
}
