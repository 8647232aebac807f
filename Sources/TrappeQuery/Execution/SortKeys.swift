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
  /// The components of `column` in the given direction, each written once (``SortKeyEncoding``).
  static func components(_ column: Column, descending: Bool) -> [SortKeyComponent] {
    let encoding = SortKeyEncoding(column, descending: descending)
    return encoding.maxKeys.enumerated().map { part, maxKey in
      SortKeyComponent(keys: encoding.keys(part: part, count: column.count), maxKey: maxKey)
    }
  }

  /// An integer's ordered bits: widened to Int64 with the sign bit flipped, so unsigned order is numeric order.
  @inline(__always)
  static func ordered(_ v: Int64) -> UInt64 { UInt64(bitPattern: v) ^ (1 &<< 63) }

  /// The IEEE 754 bits of `v` remapped so unsigned order is numeric order.
  @inline(__always)
  static func orderedBits(_ v: Double) -> UInt64 {
    let bits = v.bitPattern
    return bits & (1 &<< 63) != 0 ? ~bits : bits | (1 &<< 63)
  }
}
