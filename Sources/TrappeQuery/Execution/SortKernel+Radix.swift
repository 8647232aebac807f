
import TrappeBase

extension SortKernel {
  /// Rows between two reads of the Ctrl-C flag inside a radix pass (a few ms of work).
  static let pollInterval = 1 << 20

  /// All rows stably sorted by the words (word 0 most significant).
  ///
  /// On Ctrl-C (``Interrupt``) it stops between chunks of rows and returns the order of the
  /// passes done so far, still a permutation of the rows; the caller then stops with
  /// `Interrupt.check()`.
  static func sortedRows(words: [SortWord], count n: Int) -> [Int32] {
    var perm = [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      for i in 0..<n { buffer[i] = Int32(truncatingIfNeeded: i) }
      initialized = n
    }
    if n < 2 { return perm }
    for (position, word) in words.enumerated().reversed() {
      let keys: [UInt64]
      if position == words.count - 1 {
        keys = word.keys
      } else {
        keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, initialized in
          word.keys.withUnsafeBufferPointer { src in
            perm.withUnsafeBufferPointer { p in
              for i in 0..<n { buffer[i] = src[Int(p[i])] }
            }
          }
          initialized = n
        }
      }
      if n <= 32 {
        insertionSort(keys: keys, perm: &perm)
      } else if !radixSort(keys: keys, bitWidth: word.bitWidth, perm: &perm) {
        return perm
      }
    }
    return perm
  }

  /// Stable insertion sort of `perm` by `keys` (keys given in perm order).
  private static func insertionSort(keys: [UInt64], perm: inout [Int32]) {
    var keys = keys
    for i in 1..<keys.count {
      let key = keys[i]
      let row = perm[i]
      var j = i
      while j > 0 && keys[j - 1] > key {
        keys[j] = keys[j - 1]
        perm[j] = perm[j - 1]
        j -= 1
      }
      keys[j] = key
      perm[j] = row
    }
  }

  private static let digitBits = 11
  private static let bucketCount = 1 << 11

  /// Stable LSD radix sort of `perm` by `keys` (keys given in perm order), 11 bits per pass.
  ///
  /// Returns false when Ctrl-C stopped it; `perm` then holds the order after the last whole pass.
  private static func radixSort(keys: [UInt64], bitWidth: Int, perm: inout [Int32]) -> Bool {
    let n = keys.count
    let passes = (bitWidth + digitBits - 1) / digitBits
    if passes == 0 { return true }
    if Interrupt.isRequested { return false }
    let mask = UInt64(bucketCount - 1)
    // All histograms in one read of the keys.
    var counts = [Int](repeating: 0, count: passes * bucketCount)
    var finished = true
    counts.withUnsafeMutableBufferPointer { c in
      keys.withUnsafeBufferPointer { k in
        finished = Interrupt.forEachChunk(of: n, size: pollInterval) { rows in
          for i in rows {
            var key = k[i]
            for pass in 0..<passes {
              c[pass &* bucketCount &+ Int(key & mask)] &+= 1
              key &>>= UInt64(digitBits)
            }
          }
        }
      }
    }
    if !finished { return false }
    var sourceKeys = keys
    var targetKeys = [UInt64](repeating: 0, count: n)
    var targetPerm = [Int32](repeating: 0, count: n)
    for pass in 0..<passes {
      if Interrupt.isRequested { return false }
      let base = pass * bucketCount
      var offsets = [Int](repeating: 0, count: bucketCount)
      var skip = false
      var running = 0
      for bucket in 0..<bucketCount {
        let c = counts[base + bucket]
        if c == n { skip = true; break }
        offsets[bucket] = running
        running += c
      }
      if skip { continue }
      let shift = UInt64(pass * digitBits)
      let last = pass == passes - 1
      var finished = true
      offsets.withUnsafeMutableBufferPointer { off in
        sourceKeys.withUnsafeBufferPointer { sk in
          perm.withUnsafeBufferPointer { sp in
            targetKeys.withUnsafeMutableBufferPointer { tk in
              targetPerm.withUnsafeMutableBufferPointer { tp in
                finished = Interrupt.forEachChunk(of: n, size: pollInterval) { rows in
                  for i in rows {
                    let key = sk[i]
                    let bucket = Int((key &>> shift) & mask)
                    let slot = off[bucket]
                    off[bucket] = slot &+ 1
                    if !last { tk[slot] = key }
                    tp[slot] = sp[i]
                  }
                }
              }
            }
          }
        }
      }
      // A pass cut short leaves `targetPerm` half filled: keep the previous, whole order.
      if !finished { return false }
      swap(&perm, &targetPerm)
      if !last { swap(&sourceKeys, &targetKeys) }
    }
    return true
  }
}
