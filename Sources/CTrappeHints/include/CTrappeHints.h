#ifndef TRAPPE_HINTS_H
#define TRAPPE_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a later read or write.
/// A hint only: it never faults and changes no value, so any address may be passed.
static inline __attribute__((always_inline)) void trappe_prefetch(const void *address) {
  __builtin_prefetch(address, 1, 3);
}

#endif
