import TrappeBase
import TrappeDatasets
import TrappeIO

#if canImport(Glibc)
  import Glibc
#endif

/// Small copies of the repository's datasets for the fuzz targets, so every query stays cheap.
///
/// Made once per process in a fresh temporary folder: each manifest as it is (with its `rows:`
/// corrected) and its CSV cut to the header and the first ``rowLimit`` rows. Files with quoted
/// fields are small and copied whole (a quoted field may span lines). No cache directory is used.
package enum FuzzDatasets {
  /// The rows kept of each large dataset.
  package static let rowLimit = 60

  /// The repository's root folder, from this file's path (Tests/Fuzz/Support/FuzzDatasets.swift).
  package static let repository: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
  }()

  /// The folders ``temporaryFolder(_:)`` made, removed when the process exits normally.
  nonisolated(unsafe) private static var folders: [String] = []

  /// A new empty folder under the system's temporary folder, removed (with its files) at exit.
  package static func temporaryFolder(_ label: String) -> String {
    var template = Array("/tmp/trappe-fuzz-\(label)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("fuzz setup: cannot create a temporary folder") }
    if folders.isEmpty { atexit { FuzzDatasets.removeFolders() } }
    folders.append(String(cString: made))
    return String(cString: made)
  }

  /// Removes the temporary folders (each holds files only).
  private static func removeFolders() {
    for folder in folders {
      empty(folder)
      rmdir(folder)
    }
  }

  /// The folder of small datasets (created on first use).
  package static let directory: String = {
    let folder = temporaryFolder("datasets")
    let source = repository + "/Datasets"
    for entry in Directory.entries(source) where entry.hasSuffix(".manifest") {
      guard let manifest = try? TextFile.read(source + "/" + entry) else { continue }
      let csvName = String(entry.dropLast(".manifest".count)) + ".csv"
      guard let csv = try? TextFile.read(source + "/" + csvName) else { continue }
      var lines = csv.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.last == "" { lines.removeLast() }
      if !csv.contains("\""), lines.count > rowLimit + 1 { lines = Array(lines.prefix(rowLimit + 1)) }
      let rows = lines.count - 1
      let fixed = manifest.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.hasPrefix("rows:") ? "rows: \(rows)" : String($0) }.joined(separator: "\n")
      write(folder + "/" + entry, fixed)
      write(folder + "/" + csvName, lines.joined(separator: "\n") + "\n")
    }
    return folder
  }()

  /// The registry of the small datasets, shared by every session of the process. Creating it
  /// also sets a memory budget of 1 GiB, under libFuzzer's 2 GiB limit, so that an input that
  /// blows up (a many-to-many join) ends with the budget's error instead of an out-of-memory finding.
  nonisolated(unsafe) package static let registry: DatasetRegistry = {
    MemoryBudget.set(.bytes(1 << 30))
    return DatasetRegistry(directories: [directory])
  }()

  /// Writes `text` to `path` (setup only; a failure stops the fuzzer).
  static func write(_ path: String, _ text: String) {
    guard let file = fopen(path, "w") else { fatalError("fuzz setup: cannot write \(path)") }
    fputs(text, file)
    fclose(file)
  }

  /// Removes every file in `folder` (not recursive; the targets create no subfolders).
  package static func empty(_ folder: String) {
    for entry in Directory.entries(folder) { unlink(folder + "/" + entry) }
  }
}
