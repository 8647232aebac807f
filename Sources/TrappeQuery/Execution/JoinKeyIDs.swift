
/// Equi-join keys reduced to small integer ids: equal keys on both sides get the same id.
struct JoinKeyIDs {
  /// One id per left row; -1 when the row is NULL or cannot match any right row.
  var left: [Int32]
  /// One id per right row; -1 when the row's key is NULL.
  var right: [Int32]
  /// Ids are in `0..<count`.
  var count: Int
}
