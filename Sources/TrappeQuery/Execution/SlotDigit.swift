import TrappeBase
import TrappeStorage

/// One grouping key's code per row, as a digit of a mixed-radix slot number.
///
/// A row's code lies in `0..<radix`: `value - base` for a valid value, `radix - 1` for NULL.
/// ``write`` writes the codes of a block of rows into a buffer (`first`), or appends them as the
/// next digit of the slots already there (`slot * radix + code`), so several keys make one slot
/// number without a full-length column per key. ``writeSlots`` does the same in 32 bits, for
/// slot numbers below 2^32 (dense slot arrays), where the multiply vectorises.
struct SlotDigit {
  /// The number of codes: the key's value range plus one for NULL.
  let radix: Int64
  /// The number of rows of the key.
  let rows: Int
  /// Writes or appends the codes of `rows` into `out[0..<rows.count]`.
  let write: (_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ first: Bool) -> Void
  /// ``write`` in 32 bits, when every slot number is below 2^32.
  let writeSlots: (_ rows: Range<Int>, _ out: UnsafeMutablePointer<UInt32>, _ first: Bool) -> Void

  /// The codes of `values` whose valid keys lie in `base..<base + domain`; NULL is `domain`.
  init<T: GroupKeyRepresentable>(_ values: [T], validity: ValidityMask, base: Int64, domain: Int) {
    radix = Int64(domain) + 1
    rows = values.count
    let digit = radix
    write = { rows, out, first in
      values.withUnsafeBufferPointer { v in
        validity.withValidityWords { bits in
          SlotDigit.codes(v, bits, rows: rows, into: out, first: first, base: base, digit: digit)
        }
      }
    }
    writeSlots = { rows, out, first in
      values.withUnsafeBufferPointer { v in
        validity.withValidityWords { bits in
          SlotDigit.codes(v, bits, rows: rows, into: out, first: first, base: base, digit: digit)
        }
      }
    }
  }

  /// Writes (`first`) or appends the codes of `rows` into `out`, in the arithmetic of `Slot`.
  @inline(__always)
  private static func codes<T: GroupKeyRepresentable, Slot: FixedWidthInteger>(
    _ v: UnsafeBufferPointer<T>, _ bits: ValidityBits, rows: Range<Int>, into out: UnsafeMutablePointer<Slot>,
    first: Bool, base: Int64, digit: Int64
  ) {
    let start = rows.lowerBound
    let radix = Slot(truncatingIfNeeded: digit)
    let nullCode = Slot(truncatingIfNeeded: digit &- 1)
    @inline(__always) func code(_ row: Int) -> Slot { Slot(truncatingIfNeeded: v[row].groupKey &- base) }
    // Four loops, so the common one (no NULLs) has no branch and vectorises.
    switch (first, bits.hasNulls) {
    case (true, false):
      for row in rows { out[row &- start] = code(row) }
    case (false, false):
      for row in rows { out[row &- start] = out[row &- start] &* radix &+ code(row) }
    case (true, true):
      for row in rows { out[row &- start] = bits.isValid(row) ? code(row) : nullCode }
    case (false, true):
      for row in rows { out[row &- start] = out[row &- start] &* radix &+ (bits.isValid(row) ? code(row) : nullCode) }
    }
  }
}
