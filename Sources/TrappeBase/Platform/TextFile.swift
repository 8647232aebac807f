import Glibc

/// An operating-system error, with the text `strerror` gives for it.
package struct SystemError: Error, Sendable {
  /// The `errno` value.
  package var code: Int32
  /// The reason in words, e.g. "No such file or directory".
  package var reason: String

  /// Captures the current `errno`.
  static func current() -> SystemError {
    let code = errno
    return SystemError(code: code, reason: String(cString: strerror(code)))
  }
}

/// Reads whole files without Foundation.
package enum TextFile {
  /// The bytes of the file at `path`.
  package static func readBytes(_ path: String) throws(SystemError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw SystemError.current() }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw SystemError.current() }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw SystemError(code: EISDIR, reason: String(cString: strerror(EISDIR)))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(info.st_size) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw SystemError.current()
      }
      if n == 0 { break }
      bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
  }

  /// The UTF-8 text of the file at `path` (invalid bytes become U+FFFD).
  package static func read(_ path: String) throws(SystemError) -> String {
    String(decoding: try readBytes(path), as: UTF8.self)
  }
}
