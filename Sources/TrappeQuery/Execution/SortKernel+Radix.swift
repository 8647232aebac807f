
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
    keys.withUnsafeMutableBufferPointer { k in
      perm.withUnsafeMutableBufferPointer { insertionSort(k.baseAddress!, $0.baseAddress!, count: k.count) }
    }
  }

  /// Stable insertion sort of `count` rows by their keys, both given in the same order; sorts both.
  private static func insertionSort(_ keys: UnsafeMutablePointer<UInt64>, _ rows: UnsafeMutablePointer<Int32>, count: Int) {
    for i in 1..<count {
      let key = keys[i]
      let row = rows[i]
      var j = i
      while j > 0 && keys[j - 1] > key {
        keys[j] = keys[j - 1]
        rows[j] = rows[j - 1]
        j -= 1
      }
      keys[j] = key
      rows[j] = row
    }
  }

  private static let digitBits = 11
  private static let bucketCount = 1 << 11

  /// Rows from which a radix pass counts and scatters on all threads; `TRAPPE_PARALLEL_SORT_ROWS`
  /// overrides it (the tests send small sorts through the threads with it).
  static let parallelMinRows = Environment.positiveInt("TRAPPE_PARALLEL_SORT_ROWS") ?? 1 << 17

  /// Rows from which a key of three or more digits is sorted by its top digit first (one pass
  /// over all rows), then each of the 2,048 buckets by the bits below it, in cache: a million
  /// rows by (person, week), 35 bits, took four passes over all rows, each a scatter that misses
  /// the cache on nearly every row. `TRAPPE_MSD_SORT_ROWS` overrides it (tests).
  static let topDigitFirstMinRows = Environment.positiveInt("TRAPPE_MSD_SORT_ROWS") ?? 1 << 16

  /// Stable radix sort of `perm` by `keys` (keys given in perm order), 11 bits per pass: from
  /// ``topDigitFirstMinRows`` rows and three digits, the top digit first and then every bucket
  /// by itself (``sortBuckets(keys:perm:bounds:bitWidth:)``); otherwise least significant digit
  /// first.
  ///
  /// From ``parallelMinRows`` rows on several threads each pass cuts the rows into one range per
  /// thread (at most 8): every range counts its digits, and scatters its rows from where the
  /// ranges before it end in each bucket, which is exactly where one thread puts them, so the
  /// order is the same on any number of threads; the buckets are then sorted on all threads,
  /// each by one. Returns false when Ctrl-C stopped it; `perm` is then still a permutation.
  private static func radixSort(keys: [UInt64], bitWidth: Int, perm: inout [Int32]) -> Bool {
    let n = keys.count
    let passes = (bitWidth + digitBits - 1) / digitBits
    if passes == 0 { return true }
    if Interrupt.isRequested { return false }
    let topFirst = passes >= 3 && n >= topDigitFirstMinRows
    let shifts = topFirst ? [bitWidth - digitBits] : (0..<passes).map { $0 * digitBits }
    // With the top digit first: where each of its buckets starts, and the end.
    var bounds = [Int](repeating: 0, count: bucketCount + 1)
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
    for (pass, bits) in shifts.enumerated() {
      if Interrupt.isRequested { return false }
      let shift = UInt64(bits)
      let last = !topFirst && pass == shifts.count - 1
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
        bounds[bucket] = running
        for r in 0..<ranges {
          let count = offsets[r * bucketCount + bucket]
          offsets[r * bucketCount + bucket] = running
          running &+= count
        }
      }
      // Every row has the same digit: this pass keeps the order (and with the top digit first,
      // the bits below it are the whole key).
      if skip {
        if topFirst { return radixSort(keys: keys, bitWidth: bitWidth - digitBits, perm: &perm) }
        continue
      }
      bounds[bucketCount] = n
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
    if topFirst { return sortBuckets(keys: sourceKeys, perm: &perm, bounds: bounds, bitWidth: bitWidth - digitBits) }
    return true
  }

  /// Buckets sorted on each thread at a time (a few hundred rows each at a million rows).
  private static let bucketsPerBatch = 16

  /// Sorts the rows of each bucket `bounds[b]..<bounds[b + 1]` of `perm` (their keys at the same
  /// places in `keys`) stably by the low `bitWidth` bits of the keys, the bits below the digit
  /// they were bucketed by: in two buffers the size of the bucket, so every pass stays in cache
  /// (``bucketDigitBits(rows:)`` bits per pass); insertion sort up to 32 rows. Buckets are
  /// shared out to the threads; each is sorted by one thread alone, so the order is the same on
  /// any number of threads. Returns false when Ctrl-C stopped it (some buckets then unsorted).
  private static func sortBuckets(keys: [UInt64], perm: inout [Int32], bounds: [Int], bitWidth: Int) -> Bool {
    let buckets = bounds.count - 1
    let batches = (buckets + bucketsPerBatch - 1) / bucketsPerBatch
    var stopped = [Bool](repeating: false, count: batches)
    keys.withUnsafeBufferPointer { k in
      perm.withUnsafeMutableBufferPointer { p in
        stopped.withUnsafeMutableBufferPointer { stop in
          Parallelism.forEachMorsel(batches) { batch in
            var keysA: [UInt64] = []
            var keysB: [UInt64] = []
            var rowsB: [Int32] = []
            var counts: [Int] = []
            for b in (batch * bucketsPerBatch)..<Swift.min(buckets, (batch + 1) * bucketsPerBatch) {
              if Interrupt.isRequested {
                stop[batch] = true
                return
              }
              let lo = bounds[b]
              let m = bounds[b + 1] - lo
              if m < 2 { continue }
              if keysA.count < m {
                let size = Swift.max(m, 64)
                keysA = [UInt64](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
                keysB = [UInt64](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
                rowsB = [Int32](unsafeUninitializedCapacity: size) { _, initialized in initialized = size }
              }
              let digit = bucketDigitBits(rows: m)
              let tables = ((bitWidth + digit - 1) / digit) << digit
              if counts.count < tables { counts = [Int](repeating: 0, count: tables) }
              let rows = p.baseAddress! + lo
              keysA.withUnsafeMutableBufferPointer { ka in
                (ka.baseAddress! as UnsafeMutablePointer<UInt64>).update(from: k.baseAddress! + lo, count: m)
                if m <= 32 {
                  insertionSort(ka.baseAddress!, rows, count: m)
                  return
                }
                keysB.withUnsafeMutableBufferPointer { kb in
                  rowsB.withUnsafeMutableBufferPointer { rb in
                    counts.withUnsafeMutableBufferPointer { c in
                      sortBucket(m, bitWidth: bitWidth, keys: (ka.baseAddress!, kb.baseAddress!),
                                 rows: (rows, rb.baseAddress!), counts: c)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return !stopped.contains(true)
  }

  /// LSD passes over one bucket of `m` rows: its keys in `keys.0`, its rows in `rows.0` (the
  /// bucket's place in the permutation, where the sorted rows end), `keys.1` and `rows.1` the
  /// second buffers; one read of the keys counts the digits of every pass (`counts` holds a
  /// table of 2^digit counts per pass).
  private static func sortBucket(
    _ m: Int, bitWidth: Int, keys: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>),
    rows: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>), counts: UnsafeMutableBufferPointer<Int>
  ) {
    let digit = bucketDigitBits(rows: m)
    let radix = 1 << digit
    let mask = UInt64(radix - 1)
    let passes = (bitWidth + digit - 1) / digit
    var (sk, tk) = keys
    var (sr, tr) = rows
    let all = UnsafeMutableBufferPointer(rebasing: counts[0..<(passes * radix)])
    all.update(repeating: 0)
    for i in 0..<m {
      let key = sk[i]
      for pass in 0..<passes { all[pass &* radix &+ Int((key &>> UInt64(pass &* digit)) & mask)] &+= 1 }
    }
    for pass in 0..<passes {
      let s = UInt64(pass * digit)
      let c = UnsafeMutableBufferPointer(rebasing: all[(pass * radix)..<((pass + 1) * radix)])
      if c[Int((sk[0] &>> s) & mask)] == m { continue }
      var running = 0
      for d in 0..<radix {
        let count = c[d]
        c[d] = running
        running &+= count
      }
      for i in 0..<m {
        let key = sk[i]
        let d = Int((key &>> s) & mask)
        let slot = c[d]
        c[d] = slot &+ 1
        tk[slot] = key
        tr[slot] = sr[i]
      }
      swap(&sk, &tk)
      swap(&sr, &tr)
    }
    if sr != rows.0 { rows.0.update(from: sr, count: m) }
  }

  /// Bits per pass in a bucket of `rows` rows: 8 up to 65,536 rows, 11 beyond.
  private static func bucketDigitBits(rows: Int) -> Int { rows <= 1 << 16 ? 8 : digitBits }
}
