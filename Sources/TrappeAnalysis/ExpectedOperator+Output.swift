import TrappeBase
import TrappeStorage
import TrappeQuery

extension ExpectedOperator {
  /// One row per municipality in a model (per period): actual, expected, diff, rank, n.
  func municipalityTable(_ fits: [Fit], data: MeasureCells) -> Table {
    var kommune: [String?] = []
    var keyRows: [Int32] = []
    var actual: [Double?] = []
    var expected: [Double?] = []
    var diff: [Double?] = []
    var rank: [Int64?] = []
    var n: [Double?] = []
    for (key, fit) in fits.enumerated() {
      let diffs = zip(fit.actual, fit.fit.fitted).map { $0 - $1 }
      for index in fit.names.indices {
        kommune.append(fit.names[index])
        keyRows.append(Int32(key))
        actual.append(fit.actual[index])
        expected.append(fit.fit.fitted[index])
        diff.append(diffs[index])
        let d = diffs[index]
        rank.append(Int64(1 + diffs.filter { measure.direction.isBetter($0, than: d) }.count))
        n.append(fit.weights[index])
      }
    }
    var result: [(String, Column)] = [("kommune", AnalysisValues.stringColumn(kommune))]
    if let period, let keys = data.keys { result.append((period.name, keys.gather(keyRows))) }
    result += [
      ("actual", AnalysisValues.doubleColumn(actual)),
      ("expected", AnalysisValues.doubleColumn(expected)),
      ("diff", AnalysisValues.doubleColumn(diff)),
      ("rank", AnalysisValues.int64Column(rank)),
      (
        "n",
        integerCounts
          ? AnalysisValues.int64Column(n.map { $0.flatMap { Int64(exactly: $0) } }) : AnalysisValues.doubleColumn(n)
      ),
    ]
    return Table(result)
  }

  /// One row per term of each model: coefficient, standard error, t, and the model's R² and size.
  func modelTable(_ fits: [Fit], data: MeasureCells) -> Table {
    var keyRows: [Int32] = []
    var term: [String?] = []
    var coef: [Double?] = []
    var error: [Double?] = []
    var t: [Double?] = []
    var r2: [Double?] = []
    var count: [Int64?] = []
    for (key, fit) in fits.enumerated() {
      for index in fit.terms.indices {
        keyRows.append(Int32(key))
        term.append(fit.terms[index])
        let c = fit.fit.coefficients[index]
        let s = fit.fit.standardErrors[index]
        coef.append(c)
        error.append(s.isFinite ? s : nil)
        t.append(s.isFinite && s > 0 ? c / s : nil)
        r2.append(fit.fit.rSquared)
        count.append(Int64(fit.names.count))
      }
    }
    var result: [(String, Column)] = []
    if let period, let keys = data.keys { result.append((period.name, keys.gather(keyRows))) }
    result += [
      ("term", AnalysisValues.stringColumn(term)),
      ("coef", AnalysisValues.doubleColumn(coef)),
      ("std_err", AnalysisValues.doubleColumn(error)),
      ("t", AnalysisValues.doubleColumn(t)),
      ("r2", AnalysisValues.doubleColumn(r2)),
      ("municipalities", AnalysisValues.int64Column(count)),
    ]
    return Table(result)
  }

  /// The footer: the definition, then each model's R², size, coefficients and the municipalities left out.
  func methodNotes(_ fits: [Fit], data: MeasureCells) -> [String] {
    let points = measure.unit == "%" ? "percentage points" : "units of the measure"
    let terms = variables.map { $0.categorical ? "\($0.name) (one 0/1 column per value but the first)" : $0.name }
    var lines = [
      measure.text,
      "expected: WLS of \(measure.name) on (intercept, \(terms.joined(separator: ", "))) weighted by n"
        + (period.map { ", one model per \($0.name)" } ?? "")
        + "; actual: the measure pooled over each municipality's rows (sum of numerators / sum of denominators)",
      "diff = actual − expected, in \(points); rank: 1 = furthest \(measure.direction == .lower ? "below" : "above") its expected value (better \(measure.direction.rawValue)\(measure.directionStated ? "" : ", assumed")); n: the denominator, \(measure.denominator)",
      "standard errors: classical (non-robust) WLS, σ² = Σ n·residual² / (municipalities − terms); R²: weighted",
    ]
    for (key, fit) in fits.enumerated() {
      let at = period.map { "\($0.name) \(data.keyText(key)): " } ?? ""
      let r2 = fit.fit.rSquared.map { AnalysisValues.format($0, digits: 3) } ?? "undefined (no variation)"
      let coefficients = fit.terms.indices.map { index in
        let c = fit.fit.coefficients[index]
        let s = fit.fit.standardErrors[index]
        return "\(fit.terms[index]) \(ExpectedOperator.significant(c)) (\(s.isFinite ? ExpectedOperator.significant(s) : "–"))"
      }
      lines.append("\(at)R² = \(r2), \(fit.names.count) municipalities" + (fit.leftOut.isEmpty ? "" : ", \(fit.leftOut.count) left out"))
      lines.append("\(at)coefficient (standard error): \(coefficients.joined(separator: ", "))")
      // The municipalities left out, by reason.
      var reasons: [String] = []
      var byReason: [String: [String]] = [:]
      for (name, reason) in fit.leftOut {
        if byReason[reason] == nil { reasons.append(reason) }
        byReason[reason, default: []].append(name)
      }
      for reason in reasons {
        let names = byReason[reason] ?? []
        lines.append("\(at)left out, \(reason): \(names.count) (\(names.joined(separator: ", ")))")
      }
    }
    return lines
  }

  /// A coefficient for the footer: four significant digits.
  static func significant(_ value: Double) -> String {
    guard value != 0, value.isFinite else { return value == 0 ? "0" : "\(value)" }
    var digits = 3
    var magnitude = abs(value)
    while magnitude >= 10 && digits > 0 { magnitude /= 10; digits -= 1 }
    while magnitude < 1 && digits < 12 { magnitude *= 10; digits += 1 }
    return AnalysisValues.format(value, digits: digits)
  }
}
