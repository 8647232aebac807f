import TrappeBase
import TrappeStorage

/// Turns key columns into order-preserving unsigned integer keys, one per row.
///
/// Each column becomes one ``SortKeyComponent`` (two when its values span the
/// whole 64-bit range and a NULL or NaN slot would not fit). Keys are shifted to
/// start at 0, so narrow value ranges need few bits and radix sorting skips the
/// empty high bytes. Descending keys are mirrored within the range. NULL always
/// takes the key after every value, in both directions; a double NaN takes the
/// key between the values and NULL. Equal values (including -0.0 and 0.0, and
/// strings that collate equal) get equal keys, so keys also detect ties.
enum SortKeys {
  /// The components of `column` in the given direction.
  static func components(_ column: Column, descending: Bool) -> [SortKeyComponent] {
    let n = column.count
    var ordered = [UInt64](repeating: 0, count: n)
    var nanRows: [Bool]? = nil
    let validity = column.validity
    switch column {
    case .int64(let c):
      // The key is the value widened to Int64 with its sign bit flipped, read in the stored width.
      switch c.storage {
      case .int8(let v):
        _ = v.withUnsafeBufferPointer { src in
          Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = UInt64(bitPattern: Int64(src[i])) ^ (1 &<< 63) } }
        }
      case .int16(let v):
        _ = v.withUnsafeBufferPointer { src in
          Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = UInt64(bitPattern: Int64(src[i])) ^ (1 &<< 63) } }
        }
      case .int32(let v):
        _ = v.withUnsafeBufferPointer { src in
          Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = UInt64(bitPattern: Int64(src[i])) ^ (1 &<< 63) } }
        }
      case .int64(let v):
        _ = v.withUnsafeBufferPointer { src in
          Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = UInt64(bitPattern: src[i]) ^ (1 &<< 63) } }
        }
      }
    case .period(let c):
      _ = c.ordinals.withUnsafeBufferPointer { src in
        Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = UInt64(bitPattern: Int64(src[i])) ^ (1 &<< 63) } }
      }
    case .bool(let c):
      _ = c.values.withUnsafeBufferPointer { src in
        Interrupt.forEachChunk(of: n) { rows in for i in rows { ordered[i] = src[i] ? 1 : 0 } }
      }
    case .string(let c):
      // The collation rank per code, read in the codes' own width.
      let ranks = DanishCollation.rank(of: c.dictionary)
      switch c.storage {
      case .u8(let codes): rankKeys(codes, ranks, validity, &ordered)
      case .u16(let codes): rankKeys(codes, ranks, validity, &ordered)
      case .u32(let codes): rankKeys(codes, ranks, validity, &ordered)
      }
    case .double(let c):
      var anyNaN = false
      _ = c.values.withUnsafeBufferPointer { src in
        Interrupt.forEachChunk(of: n) { rows in
          for i in rows {
            let v = src[i]
            if v.isNaN { anyNaN = true; continue }
            ordered[i] = orderedBits(v == 0 ? 0 : v)
          }
        }
      }
      if anyNaN { nanRows = c.values.map { $0.isNaN } }
    }
    return finish(ordered, validity: validity, nanRows: nanRows, descending: descending)
  }

  /// `ordered[i] = ranks[codes[i]]` for the valid rows, polling Ctrl-C between chunks.
  private static func rankKeys<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: [Code], _ ranks: [Int32], _ validity: ValidityMask, _ ordered: inout [UInt64]
  ) {
    let n = codes.count
    _ = ranks.withUnsafeBufferPointer { rank in
      codes.withUnsafeBufferPointer { src in
        Interrupt.forEachChunk(of: n) { rows in for i in rows where validity.isValid(i) { ordered[i] = UInt64(rank[Int(src[i])]) } }
      }
    }
  }

  /// The IEEE 754 bits of `v` remapped so unsigned order is numeric order.
  @inline(__always)
  static func orderedBits(_ v: Double) -> UInt64 {
    let bits = v.bitPattern
    return bits & (1 &<< 63) != 0 ? ~bits : bits | (1 &<< 63)
  }

  /// Shifts valid keys to start at 0, mirrors them when descending and appends NaN and NULL slots.
  private static func finish(
    _ ordered: [UInt64], validity: ValidityMask, nanRows: [Bool]?, descending: Bool
  ) -> [SortKeyComponent] {
    let n = ordered.count
    var low = UInt64.max
    var high = UInt64.min
    var anyValue = false
    var anyNaN = false
    Interrupt.forEachChunk(of: n) { rows in
      for i in rows where validity.isValid(i) {
        if let nanRows, nanRows[i] { anyNaN = true; continue }
        anyValue = true
        let u = ordered[i]
        if u < low { low = u }
        if u > high { high = u }
      }
    }
    if !anyValue { low = 0; high = 0 }
    let span = high &- low
    let hasNulls = validity.hasNulls
    let extra: UInt64 = (anyNaN ? 1 : 0) + (hasNulls ? 1 : 0)
    let nanKey = span &+ 1
    let nullKey = span &+ 1 &+ (anyNaN ? 1 : 0)
    if span <= UInt64.max - extra {
      var keys = [UInt64](repeating: 0, count: n)
      keys.withUnsafeMutableBufferPointer { out in
        ordered.withUnsafeBufferPointer { src in
          if !hasNulls && !anyNaN {
            if descending {
              Interrupt.forEachChunk(of: n) { rows in for i in rows { out[i] = high &- src[i] } }
            } else {
              Interrupt.forEachChunk(of: n) { rows in for i in rows { out[i] = src[i] &- low } }
            }
            return
          }
          Interrupt.forEachChunk(of: n) { rows in
            for i in rows {
              if !validity.isValid(i) {
                out[i] = nullKey
              } else if let nanRows, nanRows[i] {
                out[i] = nanKey
              } else {
                out[i] = descending ? high &- src[i] : src[i] &- low
              }
            }
          }
        }
      }
      return [SortKeyComponent(keys: keys, maxKey: span &+ extra)]
    }
    // The values use all 64 bits: a class key (value, NaN, NULL) then the value.
    var classes = [UInt64](repeating: 0, count: n)
    var values = [UInt64](repeating: 0, count: n)
    Interrupt.forEachChunk(of: n) { rows in
      for i in rows {
        if !validity.isValid(i) {
          classes[i] = 2
        } else if let nanRows, nanRows[i] {
          classes[i] = 1
        } else {
          values[i] = descending ? high &- ordered[i] : ordered[i] &- low
        }
      }
    }
    return [SortKeyComponent(keys: classes, maxKey: 2), SortKeyComponent(keys: values, maxKey: span)]
  }
}
