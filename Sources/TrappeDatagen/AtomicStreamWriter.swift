import TrappeIO

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams bytes to a temporary file and renames it over the target on ``commit()``.
///
/// The atomic counterpart of ``AtomicFile/write(_:to:)`` for files too large to build in
/// memory: readers see the old file or the complete new one, never a partial write.
final class AtomicStreamWriter {
  /// The target path.
  let path: String
  /// The temporary file written until commit.
  private let temporary: String
  /// The open file descriptor; -1 once closed.
  private var fd: Int32
  /// Bytes not yet written.
  private var buffer: [UInt8] = []
  /// Flush when the buffer reaches this size.
  private let capacity = 1 << 20

  /// Creates the temporary file next to `path`.
  init(path: String) throws(FileError) {
    self.path = path
    temporary = AtomicFile.temporaryPath(for: path)
    fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard fd >= 0 else {
      throw FileError(operation: "create", path: path, reason: CSVReader.systemError(errno))
    }
    buffer.reserveCapacity(capacity + 4096)
  }

  deinit {
    if fd >= 0 {
      close(fd)
      unlink(temporary)
    }
  }

  /// Appends `bytes`.
  func write(_ bytes: [UInt8]) throws(FileError) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= capacity { try flush() }
  }

  /// Appends the UTF-8 bytes of `text`.
  func write(_ text: String) throws(FileError) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { try flush() }
  }

  /// Appends `bytes` without flushing (callers flush through the throwing writes).
  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
  }

  /// Appends one byte.
  func write(byte: UInt8) {
    buffer.append(byte)
  }

  /// Appends the decimal digits of a non-negative integer.
  func write(digits value: Int) {
    if value < 10 {
      buffer.append(UInt8(48 + value))
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var n = value
    var count = 0
    withUnsafeMutableBytes(of: &digits) { raw in
      while n > 0 && count < 20 {
        raw[count] = UInt8(48 + n % 10)
        n /= 10
        count += 1
      }
      while count > 0 {
        count -= 1
        buffer.append(raw[count])
      }
    }
  }

  /// Writes the buffered bytes to the file.
  func flush() throws(FileError) {
    let failure = buffer.withUnsafeBytes { FileWriting.writeAll(fd, $0) }
    buffer.removeAll(keepingCapacity: true)
    if failure != 0 {
      throw FileError(operation: "write", path: path, reason: CSVReader.systemError(failure))
    }
  }

  /// Flushes, syncs and renames the temporary file over the target.
  func commit() throws(FileError) {
    try flush()
    var failure: FileError?
    if fsync(fd) != 0 {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    if close(fd) != 0 && failure == nil {
      failure = FileError(operation: "write", path: path, reason: CSVReader.systemError(errno))
    }
    fd = -1
    if failure == nil && rename(temporary, path) != 0 {
      failure = FileError(operation: "replace", path: path, reason: CSVReader.systemError(errno))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }
}
