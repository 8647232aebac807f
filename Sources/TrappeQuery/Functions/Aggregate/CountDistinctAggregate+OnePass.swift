import TrappeBase
import TrappeStorage

extension CountDistinctAggregate {
  /// The largest bitset, in bits, that ``onePass(_:validity:groups:base:span:)`` uses for
  /// `rows` rows: 16 MiB, or two bytes a row for larger inputs.
  static func bitsetLimit(rows: Int) -> Int64 {
    Int64(Swift.max(1 << 27, 16 * rows))
  }

  /// Counts distinct non-NULL values per group in one pass over the rows, or nil when the
  /// pairs cannot be folded into one `Int64`.
  ///
  /// A pair is `group × span + (value - base)`, which is injective when every valid image
  /// lies in `base..<base + span`; with one group and `span` nil the key is the image itself.
  /// A bitset marks the pairs when their domain is at most ``bitsetLimit(rows:)`` bits;
  /// otherwise an open-addressing set of `Int64` keys does, sized from
  /// ``GroupIndex/estimatedDistinct(rows:key:)`` and doubled when half full; many pairs over
  /// many rows go through hash partitions instead (``partitionedSet``). On Ctrl-C it stops
  /// early; the executor then discards the result.
  static func onePass<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, groups: GroupIndex, base: Int64, span: Int64?
  ) -> [Int64]? {
    let n = groups.rowCount
    let groupCount = groups.groupCount
    var counts = [Int64](repeating: 0, count: groupCount)
    if n == 0 || groupCount == 0 { return counts }
    let stride: Int64
    let base = span == nil ? 0 : base
    if let span {
      let (domain, overflow) = span.multipliedReportingOverflow(by: Int64(groupCount))
      guard !overflow, domain <= 1 << 62 else { return nil }
      stride = span
      if domain <= bitsetLimit(rows: n) {
        marked(values, validity: validity, groups: groups, base: base, stride: stride, domain: domain, counts: &counts)
        return counts
      }
    } else {
      guard groupCount == 1 else { return nil }
      stride = 0
    }
    hashedSet(values, validity: validity, groups: groups, base: base, stride: stride, counts: &counts)
    return counts
  }

  /// The bitset variant: one bit per possible pair; on more than one thread, from
  /// ``sharedBitsetMinRows`` rows, the rows are marked in chunks on all threads (``sharedBitset``).
  private static func marked<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, groups: GroupIndex, base: Int64, stride: Int64, domain: Int64,
    counts: inout [Int64]
  ) {
    if usesSharedBitset(rows: groups.rowCount, groups: counts.count, threads: Parallelism.threads) {
      sharedBitset(values, validity: validity, groups: groups, base: base, stride: stride, domain: domain, counts: &counts)
      return
    }
    // Read at random: from the scratch pool, in huge pages when large (see ``ScratchPool``).
    let seen = ScratchBuffer<UInt64>(count: Int((domain + 63) / 64))
    values.withUnsafeBufferPointer { v in
      groups.groupOf.withUnsafeBufferPointer { g in
        seen.withBuffer { s in
          s.initialize(repeating: 0)
          counts.withUnsafeMutableBufferPointer { c in
            validity.withValidityWords { bits in
              for row in 0..<g.count where bits.isValid(row) {
                if row & (GroupIndex.pollInterval - 1) == 0 && row > 0 && Interrupt.isRequested { return }
                let group = g[row]
                let key = Int(truncatingIfNeeded: Int64(group) &* stride &+ (v[row].groupKey &- base))
                let word = key &>> 6
                let bit = UInt64(1) &<< UInt64(truncatingIfNeeded: key & 63)
                if s[word] & bit == 0 {
                  s[word] |= bit
                  c[Int(group)] &+= 1
                }
              }
            }
          }
        }
      }
    }
  }

  /// The hash-set variant: open addressing with linear probing; `Int64.min` marks an empty
  /// slot, and the key `Int64.min` itself (possible only unfolded) is tracked beside the table.
  private static func hashedSet<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, groups: GroupIndex, base: Int64, stride: Int64,
    counts: inout [Int64]
  ) {
    let n = groups.rowCount
    let empty = Int64.min
    var sawEmptyKey = false
    var table: [Int64] = []
    var capacity = 0
    var shift: UInt64 = 0
    var used = 0
    var row = 0
    var stopped = false
    let expected = values.withUnsafeBufferPointer { v in
      groups.groupOf.withUnsafeBufferPointer { g in
        validity.withValidityWords { bits in
          GroupIndex.estimatedDistinct(rows: n) { row in
            bits.isValid(row) ? Int64(g[row]) &* stride &+ (v[row].groupKey &- base) : nil
          }
        }
      }
    }
    // Many pairs over many rows: count them in hash partitions that fit in cache.
    if let partitionBits = GroupIndex.partitionBits(rows: n, expected: expected) {
      let chunkRows = GroupIndex.testPartitionRows == nil ? GroupIndex.partitionChunkRows : 64
      partitionedSet(
        values, validity: validity, groups: groups, base: base, stride: stride, expected: expected,
        bits: partitionBits, chunkRows: chunkRows, counts: &counts)
      return
    }
    values.withUnsafeBufferPointer { v in
      groups.groupOf.withUnsafeBufferPointer { g in
        counts.withUnsafeMutableBufferPointer { c in
          validity.withValidityWords { bits in
            capacity = GroupIndex.hashCapacity(expected: expected)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
            table = [Int64](repeating: empty, count: capacity)
            while row < n {
              let limit = capacity / 2
              let mask = capacity - 1
              table.withUnsafeMutableBufferPointer { t in
                while row < n && used < limit {
                  if row & (GroupIndex.pollInterval - 1) == 0 && row > 0 && Interrupt.isRequested {
                    stopped = true
                    return
                  }
                  defer { row &+= 1 }
                  guard bits.isValid(row) else { continue }
                  let group = g[row]
                  let key = Int64(group) &* stride &+ (v[row].groupKey &- base)
                  if key == empty {
                    if !sawEmptyKey {
                      sawEmptyKey = true
                      c[Int(group)] &+= 1
                    }
                    continue
                  }
                  var slot = GroupIndex.hashSlot(key, shift: shift)
                  while true {
                    let stored = t[slot]
                    if stored == key { break }
                    if stored == empty {
                      t[slot] = key
                      used &+= 1
                      c[Int(group)] &+= 1
                      break
                    }
                    slot = (slot &+ 1) & mask
                  }
                }
              }
              if stopped { return }
              if row < n {
                capacity *= 2
                shift -= 1
                table = grown(table, capacity: capacity, shift: shift, empty: empty)
              }
            }
          }
        }
      }
    }
  }

  /// Moves every key of `old` into a fresh set of `capacity` slots.
  private static func grown(_ old: [Int64], capacity: Int, shift: UInt64, empty: Int64) -> [Int64] {
    var table = [Int64](repeating: empty, count: capacity)
    let mask = capacity - 1
    old.withUnsafeBufferPointer { o in
      table.withUnsafeMutableBufferPointer { t in
        for key in o where key != empty {
          var slot = GroupIndex.hashSlot(key, shift: shift)
          while t[slot] != empty { slot = (slot &+ 1) & mask }
          t[slot] = key
        }
      }
    }
    return table
  }
}
