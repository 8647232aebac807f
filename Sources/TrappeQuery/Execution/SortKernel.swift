import TrappeBase
import TrappeStorage

/// Stable row orderings by key columns: `sort by` and `top N by`.
///
/// Ordering rules:
/// - the sort is stable: rows with equal keys keep their input order;
/// - NULL sorts LAST in both directions (ascending and descending);
/// - numbers compare numerically (int and double alike); a double NaN sorts
///   after every number and before NULL, in both directions; -0.0 equals 0.0;
/// - strings compare in Danish order (see ``DanishCollation``), periods by ordinal
///   (a column holds one unit), booleans false before true.
///
/// Every key column is encoded once into order-preserving unsigned keys
/// (``SortKeys``); narrow keys are packed together into 64-bit words and the
/// rows are radix sorted by those words (``sortedRows(words:count:)``), which keeps ties in
/// row order.
package enum SortKernel {
  /// The row indices of the key columns' rows in sorted order.
  ///
  /// - Parameters:
  ///   - keys: key columns of equal length, most significant first.
  ///   - descending: one flag per key; missing flags mean ascending.
  ///   - limit: when given, only the first `limit` indices, found with a bounded heap
  ///     (O(n log limit)) instead of a full sort.
  package static func permutation(keys: [Column], descending: [Bool], limit: Int? = nil) -> [Int32] {
    let n = keys.first?.count ?? 0
    var encodings: [SortKeyEncoding] = []
    for (index, column) in keys.enumerated() {
      // Planning a key is a pass over all rows; on Ctrl-C the rows stay in input order
      // (the caller reads the flag and never uses that order).
      if Interrupt.isRequested { return unsorted(n, limit: limit) }
      encodings.append(SortKeyEncoding(column, descending: index < descending.count ? descending[index] : false))
    }
    if Interrupt.isRequested { return unsorted(n, limit: limit) }
    if let limit {
      if limit <= 0 { return [] }
      if limit < n / 2 { return topN(encodings, count: n, limit: limit) }
    }
    let words = words(encodings, count: n)
    if Interrupt.isRequested { return unsorted(n, limit: limit) }
    if let limit {
      let all = sortedRows(words: words, count: n)
      return limit >= n ? all : Array(all[0..<limit])
    }
    return sortedRows(words: words, count: n)
  }

  /// The rows in input order (the first `limit`), what a sort stopped by Ctrl-C returns.
  private static func unsorted(_ count: Int, limit: Int?) -> [Int32] {
    (0..<Swift.max(0, Swift.min(count, limit ?? count))).map { Int32(truncatingIfNeeded: $0) }
  }

  /// Packs consecutive components into as few 64-bit words as their widths allow.
  static func packed(_ components: [SortKeyComponent], count: Int) -> [SortWord] {
    var words: [SortWord] = []
    for component in components {
      let bits = component.bitWidth
      if bits == 0 { continue }
      if let last = words.last, last.bitWidth + bits <= 64 {
        var keys = last.keys
        words.removeLast()
        _ = keys.withUnsafeMutableBufferPointer { out in
          component.keys.withUnsafeBufferPointer { src in
            Interrupt.forEachChunk(of: count) { rows in for i in rows { out[i] = (out[i] &<< UInt64(bits)) | src[i] } }
          }
        }
        words.append(SortWord(keys: keys, bitWidth: last.bitWidth + bits))
      } else {
        words.append(SortWord(keys: component.keys, bitWidth: bits))
      }
    }
    return words
  }
}
