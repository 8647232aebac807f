import Glibc
import TrappeBase

/// Where the bridge's Python and its package (`Scripts/engines/trappe_bridge`) are.
///
/// Python: `TRAPPE_PYTHON`, else the project's `.build/venv/bin/python` (what
/// `Scripts/ensure-deps --engines` fills), else `python3` on PATH. The package: `TRAPPE_HOME`'s
/// `Scripts/engines`, else the one in the nearest folder above the executable
/// (`<repo>/.build/debug/trappe` → `<repo>/Scripts/engines`, found through `/proc/self/exe`).
package struct BridgeLocation: Sendable, Equatable {
  package var python: String
  /// The directory that holds `trappe_bridge` (PYTHONPATH).
  package var packageDirectory: String

  package init(python: String, packageDirectory: String) {
    self.python = python
    self.packageDirectory = packageDirectory
  }

  /// The location found from the environment and the executable's path; nil with the reason.
  package static func find() -> Result<BridgeLocation, EngineError> {
    var roots: [String] = []
    if let home = Environment.value("TRAPPE_HOME"), !home.isEmpty { roots.append(home) }
    if let exe = executablePath() {
      // <repo>/.build/debug/trappe resolves to <repo>/.build/<triple>/debug/trappe: the nearest
      // folder above the executable that holds the bridge.
      var root = parent(exe)
      for _ in 0..<5 {
        root = parent(root)
        roots.append(root)
      }
    }
    guard let root = roots.first(where: { isDirectory($0 + "/Scripts/engines/trappe_bridge") }) else {
      return .failure(
        .start(
          "cannot find the engine bridge (Scripts/engines/trappe_bridge) next to the trappe executable",
          hints: ["set TRAPPE_HOME to the Trappe repository"]))
    }
    let python: String
    if let configured = Environment.value("TRAPPE_PYTHON"), !configured.isEmpty {
      python = configured
    } else if access(root + "/.build/venv/bin/python", X_OK) == 0 {
      python = root + "/.build/venv/bin/python"
    } else {
      python = "python3"
    }
    return .success(BridgeLocation(python: python, packageDirectory: root + "/Scripts/engines"))
  }

  /// The command that installs the engines' Python packages into the project's environment.
  package static let installCommand = "Scripts/ensure-deps --engines"

  static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
