
/// Whether a dataset holds published figures, facts written from documents, or generated data.
package enum DatasetKind: String, Sendable, CaseIterable {
  /// Published figures (e.g. Statistics Denmark).
  case real
  /// Facts written from documents (targets, rounds, groups).
  case reference
  /// Generated data; never real results.
  case illustrative
}
