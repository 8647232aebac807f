import TrappeStorage

extension HashJoin {
  /// Encodes one pair of key columns into a shared Int64 key space.
  static func keyColumns(_ left: Column, _ right: Column) -> (JoinKeyColumn, JoinKeyColumn) {
    switch (left, right) {
    case (.int64(let l), .int64(let r)):
      return (plain(l.widenedValues(), l.validity), plain(r.widenedValues(), r.validity))
    case (.bool(let l), .bool(let r)):
      return (plain(l.values.map { $0 ? 1 : 0 }, l.validity), plain(r.values.map { $0 ? 1 : 0 }, r.validity))
    case (.period(let l), .period(let r)) where l.unit == r.unit:
      return (
        plain(l.ordinals.converted { Int64($0) }, l.validity), plain(r.ordinals.converted { Int64($0) }, r.validity)
      )
    case (.double(let l), .double(let r)):
      return (doubles(l.values, l.validity), doubles(r.values, r.validity))
    case (.int64(let l), .double(let r)):
      return (doubles(l.doubleValues(), l.validity), doubles(r.values, r.validity))
    case (.double(let l), .int64(let r)):
      return (doubles(l.values, l.validity), doubles(r.doubleValues(), r.validity))
    case (.string(let l), .string(let r)):
      return strings(l, r)
    default:
      return (never(left.count), never(right.count))
    }
  }

  private static func validFlags(_ validity: ValidityMask) -> [Bool] {
    if !validity.hasNulls { return [Bool](repeating: true, count: validity.count) }
    return (0..<validity.count).map { validity.isValid($0) }
  }

  private static func plain(_ values: [Int64], _ validity: ValidityMask) -> JoinKeyColumn {
    JoinKeyColumn(values: values, valid: validFlags(validity))
  }

  private static func never(_ count: Int) -> JoinKeyColumn {
    JoinKeyColumn(values: [Int64](repeating: 0, count: count), valid: [Bool](repeating: false, count: count))
  }

  /// Doubles keyed by their bits, with -0.0 as 0.0; NaN never matches.
  private static func doubles(_ values: [Double], _ validity: ValidityMask) -> JoinKeyColumn {
    var valid = validFlags(validity)
    var keys = [Int64](repeating: 0, count: values.count)
    for i in 0..<values.count {
      let v = values[i]
      if v.isNaN { valid[i] = false }
      keys[i] = Int64(bitPattern: (v == 0 ? 0.0 : v).bitPattern)
    }
    return JoinKeyColumn(values: keys, valid: valid)
  }

  /// Strings keyed by the codes of the smaller dictionary; the larger side's
  /// codes are translated with one lookup per distinct string.
  private static func strings(_ l: StringColumn, _ r: StringColumn) -> (JoinKeyColumn, JoinKeyColumn) {
    if l.dictionary == r.dictionary {
      return (
        plain(codeKeys(l, through: nil, missing: 0), l.validity),
        plain(codeKeys(r, through: nil, missing: 0), r.validity)
      )
    }
    let leftIsSmaller = l.dictionary.count <= r.dictionary.count
    let small = leftIsSmaller ? l.dictionary : r.dictionary
    let large = leftIsSmaller ? r.dictionary : l.dictionary
    var lookup: [String: Int64] = [:]
    lookup.reserveCapacity(small.count)
    for (code, s) in small.enumerated() where lookup[s] == nil { lookup[s] = Int64(code) }
    let translation = large.map { lookup[$0] ?? -1 }
    func translated(_ c: StringColumn) -> JoinKeyColumn {
      var valid = validFlags(c.validity)
      var keys = codeKeys(c, through: translation, missing: -1)
      for i in 0..<c.count where !valid[i] || keys[i] < 0 {
        valid[i] = false
        keys[i] = 0
      }
      return JoinKeyColumn(values: keys, valid: valid)
    }
    func direct(_ c: StringColumn) -> JoinKeyColumn {
      // Equal strings may hold several codes only in a hand-built dictionary; map to the first.
      let canonical = small.indices.map { lookup[small[$0]] ?? Int64($0) }
      // A NULL row may hold code 0 of an empty dictionary (a column with no values at all).
      return plain(codeKeys(c, through: canonical, missing: 0), c.validity)
    }
    return leftIsSmaller ? (direct(l), translated(r)) : (translated(l), direct(r))
  }

  /// Each row's code as a key, or `table[code]` when a table is given (`missing` for a code
  /// beyond it): one loop specialised for the column's code width, so columns of different
  /// widths join on the same keys.
  private static func codeKeys(_ c: StringColumn, through table: [Int64]?, missing: Int64) -> [Int64] {
    switch c.storage {
    case .u8(let codes): codeKeys(codes, through: table, missing: missing)
    case .u16(let codes): codeKeys(codes, through: table, missing: missing)
    case .u32(let codes): codeKeys(codes, through: table, missing: missing)
    }
  }

  private static func codeKeys<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: [Code], through table: [Int64]?, missing: Int64
  ) -> [Int64] {
    guard let table else { return codes.converted { Int64($0) } }
    return table.withUnsafeBufferPointer { t in
      codes.map { Int($0) < t.count ? t[Int($0)] : missing }
    }
  }
}
