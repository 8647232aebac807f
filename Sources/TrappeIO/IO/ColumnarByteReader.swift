
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads little-endian integers, raw arrays and strings from a byte buffer, checking every length.
///
/// Every read first checks that the bytes are there and throws
/// ``ColumnarFileError/truncated`` otherwise, so a damaged file can never
/// make the reader touch memory outside the buffer.
struct ColumnarByteReader {
  private let buffer: UnsafeRawBufferPointer
  private let end: Int
  /// The offset of the next byte to read.
  private(set) var offset: Int

  /// Creates a reader of `buffer[offset..<end]`.
  init(_ buffer: UnsafeRawBufferPointer, from offset: Int, to end: Int) {
    self.buffer = buffer
    self.offset = offset
    self.end = min(end, buffer.count)
  }

  /// The number of bytes left.
  var remaining: Int { end - offset }

  /// Reads one byte.
  mutating func uint8() throws(ColumnarFileError) -> UInt8 {
    guard remaining >= 1 else { throw .truncated }
    let value = buffer[offset]
    offset += 1
    return value
  }

  /// Reads a little-endian 32-bit value.
  mutating func uint32() throws(ColumnarFileError) -> UInt32 {
    guard remaining >= 4 else { throw .truncated }
    let value = buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    offset += 4
    return UInt32(littleEndian: value)
  }

  /// Reads a little-endian 64-bit value.
  mutating func uint64() throws(ColumnarFileError) -> UInt64 {
    guard remaining >= 8 else { throw .truncated }
    let value = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    offset += 8
    return UInt64(littleEndian: value)
  }

  /// Reads a 64-bit count of items that take at least `minimumWidth` bytes each.
  ///
  /// A count the rest of the buffer cannot hold is reported as truncation
  /// before anything is allocated for it.
  mutating func count(minimumWidth: Int) throws(ColumnarFileError) -> Int {
    let raw = try uint64()
    guard let value = Int(exactly: raw) else { throw .truncated }
    if minimumWidth > 0 && value > remaining / minimumWidth { throw .truncated }
    return value
  }

  /// Takes the next `count` bytes without copying them.
  mutating func bytes(_ count: Int) throws(ColumnarFileError) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= remaining else { throw .truncated }
    let slice = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + count)])
    offset += count
    return slice
  }

  /// Copies the next `count` values of `T` in one block (their bytes must be valid values of `T`).
  mutating func array<T: BitwiseCopyable>(of type: T.Type, count: Int) throws(ColumnarFileError) -> [T] {
    let stride = MemoryLayout<T>.stride
    let (byteCount, overflow) = count.multipliedReportingOverflow(by: stride)
    guard !overflow else { throw .truncated }
    let source = try bytes(byteCount)
    guard count > 0, let from = source.baseAddress else { return [] }
    return [T](unsafeUninitializedCapacity: count) { destination, initialized in
      if let to = destination.baseAddress { memcpy(to, from, byteCount) }
      initialized = count
    }
  }

  /// Reads a string stored as a 64-bit length and UTF-8 bytes, which must be valid.
  mutating func string(_ what: @autoclosure () -> String) throws(ColumnarFileError) -> String {
    let length = try count(minimumWidth: 1)
    let utf8 = try bytes(length)
    guard let text = String(validating: utf8, as: UTF8.self) else {
      throw .corrupt("\(what()) is not valid UTF-8")
    }
    return text
  }
}
