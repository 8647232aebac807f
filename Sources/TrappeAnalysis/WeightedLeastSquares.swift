import TrappeBase

/// A weighted least-squares fit of `y` on the columns of `X` (the first usually the intercept),
/// minimising Σ wᵢ (yᵢ − xᵢβ)².
///
/// Solved by Householder QR of √W·X with each column scaled to unit length first (the normal
/// equations would square the condition number: a population in the hundred thousands next to
/// an intercept loses half the digits). The standard errors are the classical (non-robust)
/// ones, as statsmodels' WLS reports by default: √(σ̂² · [(XᵀWX)⁻¹]ⱼⱼ) with
/// σ̂² = Σ wᵢ rᵢ² / (n − p). R² is the weighted one: 1 − Σ w r² / Σ w (y − ȳ_w)², ȳ_w the
/// weighted mean of y (as statsmodels for a model with an intercept).
struct WeightedLeastSquares: Sendable {
  /// The coefficients, one per column of X.
  let coefficients: [Double]
  /// Their standard errors.
  let standardErrors: [Double]
  /// The fitted values Xβ.
  let fitted: [Double]
  /// The standard error of each fitted mean, √(σ̂² · xᵢᵀ(XᵀWX)⁻¹xᵢ) (not of a new observation).
  let fittedStandardErrors: [Double]
  /// The weighted R² (nil when y does not vary).
  let rSquared: Double?
  /// The number of observations.
  let count: Int

  /// Why a fit is impossible.
  enum Failure: Error, Equatable {
    /// Column `index` is (numerically) a linear combination of the columns before it.
    case collinear(index: Int)
    /// Fewer observations than columns.
    case tooFew
    /// A weight is negative or not finite, or a value is not finite.
    case invalidInput
  }

  /// Fits `y` on `columns` (each of length n) with weights `w`.
  init(y: [Double], columns: [[Double]], weights w: [Double]) throws(Failure) {
    let n = y.count
    let p = columns.count
    guard n > p, p > 0 else { throw .tooFew }
    guard w.count == n, w.allSatisfy({ $0.isFinite && $0 >= 0 }), y.allSatisfy(\.isFinite),
      columns.allSatisfy({ $0.count == n && $0.allSatisfy(\.isFinite) })
    else { throw .invalidInput }
    let root = w.map { $0.squareRoot() }
    // A = √W X, scaled column by column to unit length (scale[j] = ‖A_j‖); column-major.
    var a: [[Double]] = columns.map { column in (0..<n).map { root[$0] * column[$0] } }
    var scale = [Double](repeating: 1, count: p)
    for j in 0..<p {
      let norm = WeightedLeastSquares.norm(a[j], from: 0)
      guard norm > 0 else { throw .collinear(index: j) }
      scale[j] = norm
      for i in 0..<n { a[j][i] /= norm }
    }
    var b = (0..<n).map { root[$0] * y[$0] }
    // Householder QR: R overwrites the upper triangle of a; Qᵀb overwrites b.
    var diagonal = [Double](repeating: 0, count: p)
    for k in 0..<p {
      // The part of column k not explained by the columns before it.
      let rest = WeightedLeastSquares.norm(a[k], from: k)
      if rest <= 1e-9 { throw .collinear(index: k) }
      let alpha = a[k][k] > 0 ? -rest : rest
      var v = Array(a[k][k..<n])
      v[0] -= alpha
      let vv = v.reduce(0) { $0 + $1 * $1 }
      diagonal[k] = alpha
      a[k][k] = alpha
      for i in (k + 1)..<max(n, k + 1) { a[k][i] = 0 }
      guard vv > 0 else { continue }
      for j in (k + 1)..<max(p, k + 1) {
        var dot = 0.0
        for i in 0..<v.count { dot += v[i] * a[j][k + i] }
        let f = 2 * dot / vv
        for i in 0..<v.count { a[j][k + i] -= f * v[i] }
      }
      var dot = 0.0
      for i in 0..<v.count { dot += v[i] * b[k + i] }
      let f = 2 * dot / vv
      for i in 0..<v.count { b[k + i] -= f * v[i] }
    }
    // R γ = (Qᵀb)[0..<p], then β = γ / scale.
    var gamma = [Double](repeating: 0, count: p)
    for k in stride(from: p - 1, through: 0, by: -1) {
      var sum = b[k]
      for j in (k + 1)..<max(p, k + 1) { sum -= a[j][k] * gamma[j] }
      gamma[k] = sum / diagonal[k]
    }
    let beta = (0..<p).map { gamma[$0] / scale[$0] }
    // R⁻¹ (upper triangular), column by column; (XᵀWX)⁻¹ = D⁻¹ R⁻¹ R⁻ᵀ D⁻¹.
    var inverse = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)  // inverse[row][col]
    for col in 0..<p {
      for row in stride(from: col, through: 0, by: -1) {
        var sum = row == col ? 1.0 : 0.0
        for j in (row + 1)..<max(col + 1, row + 1) { sum -= a[j][row] * inverse[j][col] }
        inverse[row][col] = sum / diagonal[row]
      }
    }
    var fitted = [Double](repeating: 0, count: n)
    for j in 0..<p {
      let column = columns[j]
      for i in 0..<n { fitted[i] += column[i] * beta[j] }
    }
    var ssr = 0.0
    var sumW = 0.0
    var sumWY = 0.0
    for i in 0..<n {
      let r = y[i] - fitted[i]
      ssr += w[i] * r * r
      sumW += w[i]
      sumWY += w[i] * y[i]
    }
    let mean = sumW > 0 ? sumWY / sumW : 0
    var tss = 0.0
    for i in 0..<n { tss += w[i] * (y[i] - mean) * (y[i] - mean) }
    let sigma2 = n > p ? ssr / Double(n - p) : Double.nan
    var errors: [Double] = []
    for j in 0..<p {
      var diag = 0.0
      for k in j..<p { diag += inverse[j][k] * inverse[j][k] }
      errors.append((sigma2 * diag).squareRoot() / scale[j])
    }
    // xᵢᵀ(XᵀWX)⁻¹xᵢ = ‖R⁻ᵀ D⁻¹ xᵢ‖², with R⁻¹ upper triangular (inverse[j][k], j ≤ k).
    var meanErrors = [Double](repeating: 0, count: n)
    for i in 0..<n {
      var total = 0.0
      for k in 0..<p {
        var u = 0.0
        for j in 0...k { u += inverse[j][k] * columns[j][i] / scale[j] }
        total += u * u
      }
      meanErrors[i] = (sigma2 * total).squareRoot()
    }
    self.fittedStandardErrors = meanErrors
    self.coefficients = beta
    self.standardErrors = errors
    self.fitted = fitted
    self.rSquared = tss > 0 ? 1 - ssr / tss : nil
    self.count = n
  }

  /// The Euclidean norm of `values[from...]`, scaled against overflow.
  static func norm(_ values: [Double], from start: Int) -> Double {
    var largest = 0.0
    for i in start..<max(values.count, start) { largest = max(largest, abs(values[i])) }
    guard largest > 0 else { return 0 }
    var sum = 0.0
    for i in start..<max(values.count, start) {
      let x = values[i] / largest
      sum += x * x
    }
    return largest * sum.squareRoot()
  }
}
