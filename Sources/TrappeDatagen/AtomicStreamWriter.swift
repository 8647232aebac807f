import TrappeIO

/// Streams bytes to a temporary file and renames it over the target on ``commit()``.
///
/// The atomic counterpart of ``AtomicFile/write(_:to:)`` for files too large to build in
/// memory: readers see the old file or the complete new one, never a partial write.
final class AtomicStreamWriter {
  /// The target path.
  let path: String
  /// The temporary file, renamed over `path` on commit.
  private let file: AtomicFileWriter
  /// Bytes not yet written.
  private var buffer: [UInt8] = []
  /// Flush when the buffer reaches this size.
  private let capacity = 1 << 20

  /// Creates the temporary file next to `path` (see ``AtomicFileWriter`` for the safety rules).
  init(path: String) throws(FileError) {
    self.path = path
    file = try AtomicFileWriter(path: path)
    buffer.reserveCapacity(capacity + 4096)
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
    var failure: FileError?
    buffer.withUnsafeBytes { bytes in
      do throws(FileError) {
        try file.write(bytes)
      } catch {
        failure = error
      }
    }
    buffer.removeAll(keepingCapacity: true)
    if let failure { throw failure }
  }

  /// Flushes, syncs and renames the temporary file over the target.
  func commit() throws(FileError) {
    try flush()
    try file.commit()
  }
}
