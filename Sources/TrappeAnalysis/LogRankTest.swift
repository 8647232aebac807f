/// The log-rank test that the groups' survival curves are equal.
///
/// At each week t with events, group j has n_j at risk and d_j events (N and D over all
/// groups): observed minus expected U_j = Σ_t (d_j − D·n_j/N), and the hypergeometric
/// covariance V_jk = Σ_t D(N − D)/(N²(N − 1))·(N·n_j·[j = k] − n_j·n_k). The statistic is
/// U′V⁻¹U over all groups but the last, χ² with (groups − 1) degrees of freedom — the
/// unweighted test of R's `survdiff` and lifelines' `multivariate_logrank_test`. Risk sets
/// follow ``SurvivalEstimate`` (entry < t ≤ duration).
struct LogRankTest {
  /// The most groups tested (the covariance matrix is groups² per week).
  static let groupLimit = 200

  let statistic: Double
  let degreesOfFreedom: Int
  var pValue: Double { ChiSquareDistribution.upperTail(statistic, degreesOfFreedom: degreesOfFreedom) }

  /// The test over `groups` (each with subjects); nil for fewer than 2 groups, more than
  /// ``groupLimit``, or a singular covariance (a group never at risk at an event).
  init?(_ groups: [SurvivalEstimate]) {
    let groups = groups.filter { $0.subjects > 0 }
    let k = groups.count
    guard k >= 2, k <= Self.groupLimit else { return nil }
    let longest = groups.map(\.longest).max() ?? 0
    var u = [Double](repeating: 0, count: k)
    var v = [Double](repeating: 0, count: k * k)
    var n = [Double](repeating: 0, count: k)
    for t in stride(from: 1, through: longest, by: 1) {
      var total = 0.0
      var deaths = 0.0
      for j in 0..<k {
        let g = groups[j]
        n[j] = t <= g.longest ? Double(g.atRisk[t]) : 0
        total += n[j]
        deaths += t <= g.longest ? Double(g.events[t]) : 0
      }
      guard deaths > 0, total > 1 else { continue }
      for j in 0..<k {
        let dj = t <= groups[j].longest ? Double(groups[j].events[t]) : 0
        u[j] += dj - deaths * n[j] / total
      }
      let factor = deaths * (total - deaths) / (total * total * (total - 1))
      for j in 0..<k where n[j] > 0 {
        for l in 0..<k where n[l] > 0 {
          v[j * k + l] += factor * ((j == l ? total * n[j] : 0) - n[j] * n[l])
        }
      }
    }
    // Solve V′x = U′ over the first k − 1 groups (Gaussian elimination, partial pivoting).
    let m = k - 1
    var a = (0..<m).map { row in (0..<m).map { v[row * k + $0] } + [u[row]] }
    for col in 0..<m {
      guard let pivot = (col..<m).max(by: { abs(a[$0][col]) < abs(a[$1][col]) }), abs(a[pivot][col]) > 1e-12 else {
        return nil
      }
      a.swapAt(col, pivot)
      for row in (col + 1)..<max(m, col + 1) {
        let f = a[row][col] / a[col][col]
        if f != 0 { for c in col...m { a[row][c] -= f * a[col][c] } }
      }
    }
    var x = [Double](repeating: 0, count: m)
    for row in stride(from: m - 1, through: 0, by: -1) {
      var sum = a[row][m]
      for c in (row + 1)..<max(m, row + 1) { sum -= a[row][c] * x[c] }
      x[row] = sum / a[row][row]
    }
    statistic = (0..<m).reduce(0) { $0 + u[$1] * x[$1] }
    degreesOfFreedom = m
  }
}
