/// What a one-pass load's morsels held just before the join (for tests of the load's memory).
final class CSVLoadProbe: @unchecked Sendable {
  /// Bytes of the pieces' values and null bits, over every morsel and column.
  var pieceBytes = 0
  /// The number of morsels.
  var pieces = 0
}
