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
}
