
/// One order-preserving unsigned key per row: rows compare as their keys compare.
struct SortKeyComponent {
  /// One key per row, each in `0...maxKey`.
  var keys: [UInt64]
  /// The largest key any row has.
  var maxKey: UInt64

  /// The number of bits a key needs (0 when every row has key 0).
  var bitWidth: Int { 64 - maxKey.leadingZeroBitCount }
}
