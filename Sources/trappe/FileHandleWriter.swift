import Glibc

/// Writes text straight to the standard file descriptors, unbuffered.
enum FileHandleWriter {
  static func standardOutput(_ text: String) { write(STDOUT_FILENO, text) }
  static func standardError(_ text: String) { write(STDERR_FILENO, text) }

  private static func write(_ fd: Int32, _ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return
        }
        offset += n
      }
    }
  }
}
