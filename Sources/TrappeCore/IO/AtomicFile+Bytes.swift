#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AtomicFile {
  /// Writes `bytes` to a temporary file next to `path`, syncs it, and renames it over `path`.
  ///
  /// On failure the temporary file is removed and `path` is left untouched.
  public static func write(bytes: [UInt8], to path: String) throws(FileError) {
    let temporary = temporaryPath(for: path)
    let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else {
      throw FileError(operation: "create", path: path, reason: CSVReader.systemError(errno))
    }
    var failure: FileError?
    bytes.withUnsafeBytes { buffer in
      var written = 0
      while written < buffer.count, let base = buffer.baseAddress {
        let n = Glibc.write(fd, base + written, buffer.count - written)
        if n < 0 {
          if errno == EINTR { continue }
          failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
          return
        }
        written += n
      }
    }
    if failure == nil && fsync(fd) != 0 {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    if close(fd) != 0 && failure == nil {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    if failure == nil && rename(temporary, path) != 0 {
      failure = FileError(operation: "replace", path: path, reason: CSVReader.systemError(errno))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }
}
