extension Set where Element == String {
  /// `base`, or `base_2`, `base_3`, ... when that is taken, added to the set: how a header with
  /// repeated names and a pivot whose value repeats a column name keep every column distinct.
  package mutating func claimUniqueName(_ base: String) -> String {
    var candidate = base
    var n = 2
    while contains(candidate) {
      candidate = "\(base)_\(n)"
      n += 1
    }
    insert(candidate)
    return candidate
  }
}
