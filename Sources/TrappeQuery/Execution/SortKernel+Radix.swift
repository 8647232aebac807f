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
    var perm = identity(n)
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
      } else if !radixSort(keys: keys, bitWidth: word.bitWidth, perm: &perm, keepKeys: false).finished {
        return perm
      }
    }
    return perm
  }

  /// All rows stably sorted by one word, and the word's keys in that order: a window's layout
  /// finds where partitions and peers change by comparing neighbours in them, in order, instead
  /// of reading every row's key all over the array. On Ctrl-C as ``sortedRows(words:count:)``
  /// (the keys are then not in order either).
  static func sortedRowsAndKeys(word: SortWord, count n: Int) -> (rows: [Int32], keys: [UInt64]) {
    var perm = identity(n)
    if n < 2 { return (perm, word.keys) }
    if n <= 32 {
      let keys = insertionSort(keys: word.keys, perm: &perm)
      return (perm, keys)
    }
    let sorted = radixSort(keys: word.keys, bitWidth: word.bitWidth, perm: &perm, keepKeys: true)
    return (perm, sorted.keys)
  }

  /// 0, 1, ..., n - 1.
  private static func identity(_ n: Int) -> [Int32] {
    [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      for i in 0..<n { buffer[i] = Int32(truncatingIfNeeded: i) }
      initialized = n
    }
  }

  /// Stable insertion sort of `perm` by `keys` (keys given in perm order); returns the keys sorted.
  @discardableResult
  private static func insertionSort(keys: [UInt64], perm: inout [Int32]) -> [UInt64] {
    var keys = keys
    keys.withUnsafeMutableBufferPointer { k in
      perm.withUnsafeMutableBufferPointer { insertionSort(k.baseAddress!, $0.baseAddress!, count: k.count) }
    }
    return keys
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
  /// by itself (``sortBuckets(keys:perm:bounds:bitWidth:keepKeys:)``); otherwise least
  /// significant digit first.
  ///
  /// From ``parallelMinRows`` rows on several threads each pass cuts the rows into one range per
  /// thread (at most 8): every range counts its digits, and scatters its rows from where the
  /// ranges before it end in each bucket, which is exactly where one thread puts them, so the
  /// order is the same on any number of threads; the buckets are then sorted on all threads,
  /// each by one. `finished` is false when Ctrl-C stopped it; `perm` is then still a permutation.
  /// With `keepKeys` it also returns the keys in the sorted order (else no keys): the last pass
  /// then moves them too.
  private static func radixSort(
    keys: [UInt64], bitWidth: Int, perm: inout [Int32], keepKeys: Bool
  ) -> (finished: Bool, keys: [UInt64]) {
    let n = keys.count
    let passes = (bitWidth + digitBits - 1) / digitBits
    if passes == 0 { return (true, keepKeys ? keys : []) }
    if Interrupt.isRequested { return (false, []) }
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
      if Interrupt.isRequested { return (false, []) }
      let shift = UInt64(bits)
      // The last pass of the bottom-up order moves only the rows, unless the keys are wanted.
      let last = !topFirst && pass == shifts.count - 1 && !keepKeys
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
        if topFirst {
          return radixSort(keys: keys, bitWidth: bitWidth - digitBits, perm: &perm, keepKeys: keepKeys)
        }
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
      if finished.contains(false) { return (false, []) }
      swap(&perm, &targetPerm)
      if !last { swap(&sourceKeys, &targetKeys) }
    }
    if topFirst {
      let finished = sortBuckets(
        keys: &sourceKeys, perm: &perm, bounds: bounds, bitWidth: bitWidth - digitBits, keepKeys: keepKeys)
      return (finished, keepKeys ? sourceKeys : [])
    }
    return (true, keepKeys ? sourceKeys : [])
  }

  /// Buckets a thread takes at a time (a few hundred rows each at a million rows).
  private static let bucketsPerBatch = 16

  /// Sorts the rows of each bucket `bounds[b]..<bounds[b + 1]` of `perm` (their keys at the same
  /// places in `keys`, which `keepKeys` puts back sorted) stably by the low `bitWidth` bits of
  /// the keys, the bits below the digit they were bucketed by: in two buffers the size of the
  /// bucket, so every pass stays in cache (``bucketDigitBits(rows:)`` bits per pass); insertion
  /// sort up to 32 rows. Buckets are shared out to the threads; each is sorted by one thread
  /// alone, so the order is the same on any number of threads. Returns false when Ctrl-C
  /// stopped it (some buckets then unsorted).
  private static func sortBuckets(
    keys: inout [UInt64], perm: inout [Int32], bounds: [Int], bitWidth: Int, keepKeys: Bool
  ) -> Bool {
    let buckets = bounds.count - 1
    let batches = (buckets + bucketsPerBatch - 1) / bucketsPerBatch
    var stopped = [Bool](repeating: false, count: batches)
    keys.withUnsafeMutableBufferPointer { k in
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
              let bucketKeys = k.baseAddress! + lo
              keysA.withUnsafeMutableBufferPointer { ka in
                (ka.baseAddress! as UnsafeMutablePointer<UInt64>).update(from: bucketKeys, count: m)
                if m <= 32 {
                  insertionSort(ka.baseAddress!, rows, count: m)
                  if keepKeys { bucketKeys.update(from: ka.baseAddress!, count: m) }
                  return
                }
                keysB.withUnsafeMutableBufferPointer { kb in
                  rowsB.withUnsafeMutableBufferPointer { rb in
                    counts.withUnsafeMutableBufferPointer { c in
                      let sorted = sortBucket(
                        m, bitWidth: bitWidth, keys: (ka.baseAddress!, kb.baseAddress!), rows: (rows, rb.baseAddress!),
                        counts: c)
                      if keepKeys { bucketKeys.update(from: sorted, count: m) }
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
  /// table of 2^digit counts per pass). Returns the buffer that holds the sorted keys.
  private static func sortBucket(
    _ m: Int, bitWidth: Int, keys: (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<UInt64>),
    rows: (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>), counts: UnsafeMutableBufferPointer<Int>
  ) -> UnsafeMutablePointer<UInt64> {
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
    return sk
  }

  /// Bits per pass in a bucket of `rows` rows: 8 up to 65,536 rows, 11 beyond.
  private static func bucketDigitBits(rows: Int) -> Int { rows <= 1 << 16 ? 8 : digitBits }
}
