import TrappeStorage

/// The shared kernel of `min` and `max`: the smallest or largest non-NULL value per group.
///
/// Output has the input's type; a group without non-NULL values gives NULL.
/// Orders: integers numerically, doubles numerically with NaN above every
/// number (as DuckDB), bools false < true, periods by ordinal, strings by
/// ``DanishCollation`` (the output shares the input's dictionary).
enum ExtremumAggregate {
  /// The minimum (`largest == false`) or maximum of `input` per group.
  static func compute(input: Column, groups: GroupIndex, largest: Bool) -> Column {
    switch input {
    case .int64(let c):
      // Computed and kept in the column's stored width (a minimum or maximum fits it).
      switch c.storage {
      case .int8(let v):
        let (values, seen) = integers(v, c.validity, groups, largest: largest)
        return .int64(Int64Column(storage: .int8(values), validity: .fromFlags(seen)))
      case .int16(let v):
        let (values, seen) = integers(v, c.validity, groups, largest: largest)
        return .int64(Int64Column(storage: .int16(values), validity: .fromFlags(seen)))
      case .int32(let v):
        let (values, seen) = integers(v, c.validity, groups, largest: largest)
        return .int64(Int64Column(storage: .int32(values), validity: .fromFlags(seen)))
      case .int64(let v):
        let (values, seen) = integers(v, c.validity, groups, largest: largest)
        return .int64(Int64Column(storage: .int64(values), validity: .fromFlags(seen)))
      }
    case .period(let c):
      let (values, seen) = integers(c.ordinals, c.validity, groups, largest: largest)
      return .period(PeriodColumn(unit: c.unit, ordinals: values, validity: .fromFlags(seen)))
    case .double(let c):
      return doubles(c, groups, largest: largest)
    case .bool(let c):
      return bools(c, groups, largest: largest)
    case .string(let c):
      return strings(c, groups, largest: largest)
    }
  }

  private static func integers<T: FixedWidthInteger>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex, largest: Bool
  ) -> ([T], [Bool]) {
    let k = groups.groupCount
    var best = [T](repeating: largest ? T.min : T.max, count: k)
    var seen = [Bool](repeating: false, count: k)
    best.withUnsafeMutableBufferPointer { b in
      seen.withUnsafeMutableBufferPointer { f in
        values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            validity.withValidityWords { bits in
              if largest {
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  if v[row] > b[group] { b[group] = v[row] }
                  f[group] = true
                }
              } else {
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  if v[row] < b[group] { b[group] = v[row] }
                  f[group] = true
                }
              }
            }
          }
        }
      }
    }
    for group in 0..<k where !seen[group] { best[group] = 0 }
    return (best, seen)
  }

  private static func doubles(_ c: DoubleColumn, _ groups: GroupIndex, largest: Bool) -> Column {
    let k = groups.groupCount
    var best = [Double](repeating: largest ? -Double.infinity : Double.nan, count: k)
    var seen = [Bool](repeating: false, count: k)
    best.withUnsafeMutableBufferPointer { b in
      seen.withUnsafeMutableBufferPointer { f in
        c.values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            c.validity.withValidityWords { bits in
              if largest {
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  let x = v[row]
                  if x > b[group] || x.isNaN { b[group] = x }
                  f[group] = true
                }
              } else {
                // The NaN start is replaced by the first value; a NaN value never wins over a number.
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  let x = v[row]
                  if x < b[group] || b[group].isNaN { b[group] = x }
                  f[group] = true
                }
              }
            }
          }
        }
      }
    }
    for group in 0..<k where !seen[group] { best[group] = 0 }
    return .double(PrimitiveColumn(values: best, validity: .fromFlags(seen)))
  }

  private static func bools(_ c: BoolColumn, _ groups: GroupIndex, largest: Bool) -> Column {
    let k = groups.groupCount
    var best = [Bool](repeating: !largest, count: k)
    var seen = [Bool](repeating: false, count: k)
    c.validity.withValidityWords { bits in
      for row in 0..<c.count where bits.isValid(row) {
        let group = Int(groups.groupOf[row])
        if c.values[row] == largest { best[group] = largest }
        seen[group] = true
      }
    }
    for group in 0..<k where !seen[group] { best[group] = false }
    return .bool(PrimitiveColumn(values: best, validity: .fromFlags(seen)))
  }

  private static func strings(_ c: StringColumn, _ groups: GroupIndex, largest: Bool) -> Column {
    let ranks = DanishCollation.rank(of: c.dictionary)
    var codeOfRank = [UInt32](repeating: 0, count: c.dictionary.count)
    for (code, rank) in ranks.enumerated() { codeOfRank[Int(rank)] = UInt32(code) }
    // a NULL row may hold code 0 of an empty dictionary (a column with no values at all)
    let rankColumn = DictionaryKernel.gather(ranks, codes: c.storage, placeholder: 0)
    let (best, seen) = integers(rankColumn, c.validity, groups, largest: largest)
    var codes = [UInt32](repeating: 0, count: groups.groupCount)
    for group in 0..<groups.groupCount where seen[group] { codes[group] = codeOfRank[Int(best[group])] }
    return .string(StringColumn(codes: codes, dictionary: c.dictionary, validity: .fromFlags(seen)))
  }
}
