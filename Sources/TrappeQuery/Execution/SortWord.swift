
/// One radix-sort word: the keys of one or more ``SortKeyComponent``s packed most significant first.
struct SortWord {
  /// One packed key per row.
  var keys: [UInt64]
  /// The number of low bits the packed keys use.
  var bitWidth: Int
}
