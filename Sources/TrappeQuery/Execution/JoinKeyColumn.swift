
/// One join key column encoded as Int64 values, where equal keys have equal values.
struct JoinKeyColumn {
  /// One value per row (ignored where `valid` is false).
  var values: [Int64]
  /// Whether the row's key can match: false for NULL, NaN and strings the other side lacks.
  var valid: [Bool]
}
