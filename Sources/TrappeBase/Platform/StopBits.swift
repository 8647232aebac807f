import CTrappeHints

/// The positions of `delimiter` and line feed among the 64 bytes from `bytes`, as bits (bit i
/// for byte i), counting only the first `available` bytes: 16 bytes compared at a time where the
/// processor has SSE2, one at a time elsewhere. CSV parsing finds field ends in them.
@inlinable @inline(__always)
package func stopBits(_ bytes: UnsafePointer<UInt8>, available: Int, delimiter: UInt8) -> UInt64 {
  trappe_stop_bits(bytes, available, delimiter)
}
