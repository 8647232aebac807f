#ifndef TRAPPE_HINTS_H
#define TRAPPE_HINTS_H

/// Asks the processor to start loading the cache line at `address` for a later read or write.
/// A hint only: it never faults and changes no value, so any address may be passed.
static inline __attribute__((always_inline)) void trappe_prefetch(const void *address) {
  __builtin_prefetch(address, 1, 3);
}

#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i set where `bytes[i]` is `delimiter` or a line feed, for i below 64 and below `available`.
static inline __attribute__((always_inline)) uint64_t trappe_stop_bits(
    const uint8_t *bytes, long available, uint8_t delimiter) {
  uint8_t padded[64];
  const uint8_t *p = bytes;
  if (available < 64) {
    memset(padded, 0, sizeof padded);
    memcpy(padded, bytes, available > 0 ? (size_t)available : 0);
    p = padded;
  }
  uint64_t bits = 0;
#if defined(__SSE2__)
  const __m128i d = _mm_set1_epi8((char)delimiter);
  const __m128i lf = _mm_set1_epi8('\n');
  for (int i = 0; i < 4; i++) {
    __m128i x = _mm_loadu_si128((const __m128i *)(p + 16 * i));
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(x, d), _mm_cmpeq_epi8(x, lf));
    bits |= (uint64_t)(uint16_t)_mm_movemask_epi8(m) << (16 * i);
  }
#else
  for (int i = 0; i < 64; i++) {
    bits |= (uint64_t)(p[i] == delimiter || p[i] == '\n') << i;
  }
#endif
  if (available < 64) bits &= available > 0 ? (((uint64_t)1 << available) - 1) : 0;
  return bits;
}

#endif
