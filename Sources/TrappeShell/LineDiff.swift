
/// A unified diff of two texts, line by line, for `--check`.
enum LineDiff {
  /// The diff of `old` against `new` with three lines of context, or "" when they are equal.
  static func unified(_ old: String, _ new: String, oldName: String, newName: String) -> String {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if a == b { return "" }
    // Longest common subsequence table, from the ends.
    var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
      }
    }
    // The edit script: (kind, line) with kind " ", "-" or "+".
    var script: [(Character, String, Int, Int)] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        script.append((" ", a[i], i, j))
        i += 1
        j += 1
      } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
        script.append(("-", a[i], i, j))
        i += 1
      } else {
        script.append(("+", b[j], i, j))
        j += 1
      }
    }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    var index = 0
    while index < script.count {
      guard script[index].0 != " " else {
        index += 1
        continue
      }
      let start = max(0, index - 3)
      var end = index
      var quiet = 0
      while end < script.count, quiet <= 6 {
        quiet = script[end].0 == " " ? quiet + 1 : 0
        end += 1
      }
      end = min(script.count, end - max(0, quiet - 3))
      let hunk = script[start..<end]
      let oldCount = hunk.filter { $0.0 != "+" }.count
      let newCount = hunk.filter { $0.0 != "-" }.count
      out += "@@ -\(hunk.first.map { $0.2 + 1 } ?? 0),\(oldCount) +\(hunk.first.map { $0.3 + 1 } ?? 0),\(newCount) @@\n"
      for entry in hunk { out += "\(entry.0)\(entry.1)\n" }
      index = end
    }
    return out
  }
}
