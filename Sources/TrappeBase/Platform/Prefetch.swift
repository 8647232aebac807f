import CTrappeHints

/// Starts loading the cache line at `address` for a read or write soon after: hash tables larger
/// than the cache call it a few rows ahead, so the misses of several probes overlap instead of
/// coming one after the other. A hint only: it never faults and changes no value.
@inlinable @inline(__always)
package func prefetch(_ address: UnsafeRawPointer) {
  trappe_prefetch(address)
}
