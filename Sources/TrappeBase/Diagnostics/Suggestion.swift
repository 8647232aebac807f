/// Finds the candidate closest to a misspelt name, for "did you mean" hints.
package enum Suggestion {
  /// The candidate nearest to `name` by edit distance (case-insensitive,
  /// transpositions count once), or nil when none is close enough to help.
  package static func nearest<S: Sequence>(to name: String, in candidates: S) -> String?
  where S.Element == String {
    let target = Array(name.lowercased())
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(target, Array(candidate.lowercased()))
      let limit = max(1, min(3, (max(target.count, candidate.count) + 2) / 3))
      if distance <= limit, distance < (best?.1 ?? Int.max) {
        best = (candidate, distance)
      }
    }
    if best == nil {
      // A unique candidate that starts with what was typed is also a good guess.
      let starts = candidates.filter { $0.lowercased().hasPrefix(name.lowercased()) }
      if starts.count == 1 { return starts[0] }
    }
    return best?.0
  }

  /// Optimal string alignment distance between two character arrays.
  package static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
