
/// What an output column holds with respect to person counts, for small-cell suppression.
package enum CountRole: Sendable, Equatable {
  /// Not a count and not computed from one (names, codes, periods, measures of other things).
  case plain
  /// A count of persons or rows: `count()`, `sum` of a persons column, a persons column itself.
  case count
  /// Computed from counts in the same row (`andel = 100.0 * startet / personer`).
  ///
  /// `inputs` are the indices, in the same table, of the count columns it reads;
  /// `complete` is false when some of the counts it reads are not in the table,
  /// so its cells cannot be checked against them.
  case derived(inputs: [Int], complete: Bool)

  /// Whether the column is a count or built on one.
  package var involvesCounts: Bool { self != .plain }
}
