#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory under /tmp for one test; `remove()` deletes it and its files.
final class TemporaryDirectory {
  struct Failure: Error {}
  let path: String

  init() throws {
    var template = Array("/tmp/trappe-io-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer -> UnsafeMutablePointer<CChar>? in
      guard let base = buffer.baseAddress else { return nil }
      return mkdtemp(base)
    }
    guard let made else { throw Failure() }
    path = String(cString: made)
  }

  /// The names of the files in the directory.
  func entries() -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
  }

  deinit {
    for name in entries() { unlink(path + "/" + name) }
    rmdir(path)
  }
}
