
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so readers see either the old content or the complete new content.
package enum AtomicFile {
  /// Writes `text` to a temporary file next to `path`, syncs it, and renames it over `path`.
  ///
  /// On failure the temporary file is removed and `path` is left untouched.
  package static func write(_ text: String, to path: String) throws(FileError) {
    var content = text
    var failure: FileError?
    content.withUTF8 { buffer in
      do throws(FileError) {
        try write(UnsafeRawBufferPointer(buffer), to: path)
      } catch {
        failure = error
      }
    }
    if let failure { throw failure }
  }

  /// Writes raw bytes atomically: temporary file, `fsync`, rename; the temporary file is removed on failure.
  static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(FileError) {
    let temporary = temporaryPath(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else { throw FileError(operation: "create", path: path, reason: reason(errno)) }
    var failure: FileError?
    let code = FileWriting.writeAll(fd, bytes)
    if code != 0 { failure = FileError(operation: "write", path: path, reason: reason(code)) }
    if failure == nil && fsync(fd) != 0 {
      failure = FileError(operation: "write", path: path, reason: reason(errno))
    }
    if close(fd) != 0 && failure == nil {
      failure = FileError(operation: "write", path: path, reason: reason(errno))
    }
    if failure == nil && rename(temporary, path) != 0 {
      failure = FileError(operation: "replace", path: path, reason: reason(errno))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }

  /// `dir/.name.tmp-PID` for `dir/name`.
  package static func temporaryPath(for path: String) -> String {
    let pid = getpid()
    if let slash = path.lastIndex(of: "/") {
      let dir = path[...slash]
      let name = path[path.index(after: slash)...]
      return "\(dir).\(name).tmp-\(pid)"
    }
    return ".\(path).tmp-\(pid)"
  }

  private static func reason(_ code: Int32) -> String {
    CSVReader.systemError(code)
  }
}
