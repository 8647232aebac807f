import TrappeBase
import TrappeStorage

/// One grouping key's code per row, as a digit of a mixed-radix slot number.
///
/// A row's code lies in `0..<radix`: `value - base` for a valid value, `radix - 1` for NULL.
/// ``write(_:_:first:)`` writes the codes of a block of rows into a buffer (`first`), or appends
/// them as the next digit of the slots already there (`slot * radix + code`), so several keys
/// make one slot number without a full-length column per key.
struct SlotDigit {
  /// The number of codes: the key's value range plus one for NULL.
  let radix: Int64
  /// The number of rows of the key.
  let rows: Int
  /// Writes or appends the codes of `rows` into `out[0..<rows.count]`.
  let write: (_ rows: Range<Int>, _ out: UnsafeMutablePointer<Int64>, _ first: Bool) -> Void

  /// The codes of `values` whose valid keys lie in `base..<base + domain`; NULL is `domain`.
  init<T: GroupKeyRepresentable>(_ values: [T], validity: ValidityMask, base: Int64, domain: Int) {
    radix = Int64(domain) + 1
    rows = values.count
    let digit = radix
    let nullCode = Int64(domain)
    write = { rows, out, first in
      values.withUnsafeBufferPointer { v in
        validity.withValidityWords { bits in
          // Four loops, so the common one (no NULLs) has no branch and vectorises.
          let start = rows.lowerBound
          switch (first, bits.hasNulls) {
          case (true, false):
            for row in rows { out[row &- start] = v[row].groupKey &- base }
          case (false, false):
            for row in rows { out[row &- start] = out[row &- start] &* digit &+ (v[row].groupKey &- base) }
          case (true, true):
            for row in rows { out[row &- start] = bits.isValid(row) ? v[row].groupKey &- base : nullCode }
          case (false, true):
            for row in rows {
              let code = bits.isValid(row) ? v[row].groupKey &- base : nullCode
              out[row &- start] = out[row &- start] &* digit &+ code
            }
          }
        }
      }
    }
  }
}
