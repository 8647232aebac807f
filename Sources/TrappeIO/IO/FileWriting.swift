
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Low-level writing shared by atomic files, streams and caches.
package enum FileWriting {
  /// Writes every byte of `bytes` to `fd`, retrying after signals; returns 0 or the `errno` of the failure.
  package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var written = 0
    while written < bytes.count, let base = bytes.baseAddress {
      let n = write(fd, base + written, bytes.count - written)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      written += n
    }
    return 0
  }
}
