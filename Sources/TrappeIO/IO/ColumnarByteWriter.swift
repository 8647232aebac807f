
/// Appends little-endian integers, raw arrays and strings to a byte buffer.
struct ColumnarByteWriter {
  /// The bytes written so far.
  private(set) var bytes: [UInt8] = []

  /// Creates a writer that reserves room for `capacity` bytes.
  init(capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  /// Appends one byte.
  mutating func append(_ value: UInt8) {
    bytes.append(value)
  }

  /// Appends a 32-bit value, little-endian.
  mutating func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a 64-bit value, little-endian.
  mutating func append(_ value: UInt64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  /// Appends a count or length as a 64-bit value.
  mutating func append(count: Int) {
    append(UInt64(truncatingIfNeeded: count))
  }

  /// Appends the raw in-memory bytes of `values` (little-endian on every supported platform).
  mutating func append<T: BitwiseCopyable>(raw values: [T]) {
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  /// Appends a string as its UTF-8 length (64 bits) and bytes.
  mutating func append(string: String) {
    var text = string
    text.withUTF8 { utf8 in
      append(count: utf8.count)
      bytes.append(contentsOf: utf8)
    }
  }

  /// Overwrites the 64-bit value at `offset` (which must lie within the bytes written).
  mutating func patch(_ value: UInt64, at offset: Int) {
    withUnsafeBytes(of: value.littleEndian) { source in
      for i in 0..<8 { bytes[offset + i] = source[i] }
    }
  }
}
