
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

  /// Rows from which a radix pass counts and scatters on all threads; `TRAPPE_PARALLEL_SORT_ROWS`
  /// overrides it (the tests send small sorts through the threads with it).
  static let parallelMinRows = Environment.positiveInt("TRAPPE_PARALLEL_SORT_ROWS") ?? 1 << 17

  /// Stable LSD radix sort of `perm` by `keys` (keys given in perm order), 11 bits per pass.
  ///
  /// From ``parallelMinRows`` rows on several threads each pass cuts the rows into one range per
  /// thread (at most 8): every range counts its digits, and scatters its rows from where the
  /// ranges before it end in each bucket, which is exactly where one thread puts them, so the
  /// order is the same on any number of threads. Returns false when Ctrl-C stopped it; `perm`
  /// then holds the order after the last whole pass.
  private static func radixSort(keys: [UInt64], bitWidth: Int, perm: inout [Int32]) -> Bool {
    let n = keys.count
    let passes = (bitWidth + digitBits - 1) / digitBits
    if passes == 0 { return true }
    if Interrupt.isRequested { return false }
    let mask = UInt64(bucketCount - 1)
    let threads = Parallelism.threads
    let ranges = threads > 1 && n >= parallelMinRows ? Swift.min(threads, 8) : 1
    let cut = (0...ranges).map { $0 * n / ranges }
    var sourceKeys = keys
    var targetKeys = [UInt64](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    var targetPerm = [Int32](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    // Range r's count, then its first slot, of each bucket: `offsets[r * bucketCount + bucket]`.
    var offsets = [Int](repeating: 0, count: ranges * bucketCount)
    var finished = [Bool](repeating: true, count: ranges)
    for pass in 0..<passes {
      if Interrupt.isRequested { return false }
      let shift = UInt64(pass * digitBits)
      let last = pass == passes - 1
      offsets.withUnsafeMutableBufferPointer { off in
        sourceKeys.withUnsafeBufferPointer { sk in
          Parallelism.forEachMorsel(ranges) { r in
            let counts = UnsafeMutableBufferPointer(rebasing: off[(r * bucketCount)..<((r + 1) * bucketCount)])
            counts.update(repeating: 0)
            for i in cut[r]..<cut[r + 1] { counts[Int((sk[i] &>> shift) & mask)] &+= 1 }
          }
        }
      }
      // Slots: bucket by bucket, and within a bucket range by range.
      var running = 0
      var skip = false
      for bucket in 0..<bucketCount {
        var total = 0
        for r in 0..<ranges { total &+= offsets[r * bucketCount + bucket] }
        if total == n {
          skip = true
          break
        }
        for r in 0..<ranges {
          let count = offsets[r * bucketCount + bucket]
          offsets[r * bucketCount + bucket] = running
          running &+= count
        }
      }
      // Every row has the same digit: this pass keeps the order.
      if skip { continue }
      offsets.withUnsafeMutableBufferPointer { off in
        sourceKeys.withUnsafeBufferPointer { sk in
          perm.withUnsafeBufferPointer { sp in
            targetKeys.withUnsafeMutableBufferPointer { tk in
              targetPerm.withUnsafeMutableBufferPointer { tp in
                finished.withUnsafeMutableBufferPointer { done in
                  Parallelism.forEachMorsel(ranges) { r in
                    let at = off.baseAddress! + r * bucketCount
                    done[r] = Interrupt.forEachChunk(of: cut[r + 1] - cut[r], size: pollInterval) { rows in
                      for i in (cut[r] + rows.lowerBound)..<(cut[r] + rows.upperBound) {
                        let key = sk[i]
                        let bucket = Int((key &>> shift) & mask)
                        let slot = at[bucket]
                        at[bucket] = slot &+ 1
                        if !last { tk[slot] = key }
                        tp[slot] = sp[i]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      // A pass cut short leaves `targetPerm` half filled: keep the previous, whole order.
      if finished.contains(false) { return false }
      swap(&perm, &targetPerm)
      if !last { swap(&sourceKeys, &targetKeys) }
    }
    return true
  }
}
