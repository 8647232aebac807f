import CTrappeHints

/// Starts loading the cache line at `address` for a read or write soon after: hash tables larger
/// than the cache call it a few rows ahead, so the misses of several probes overlap instead of
/// coming one after the other. A hint only: it never faults and changes no value.
@inlinable @inline(__always)
package func prefetch(_ address: UnsafeRawPointer) {
  trappe_prefetch(address)
}

/// Rows ahead whose slot a loop over a table beyond the cache prefetches (hashed grouping's
/// table, per-group sums): far enough for the load to arrive, near enough that it is still in
/// cache when the row comes. `TRAPPE_PREFETCH` overrides it, for measuring (a distance beyond
/// the rows turns prefetching off); values never depend on it.
package let prefetchDistance = Environment.positiveInt("TRAPPE_PREFETCH") ?? 16
