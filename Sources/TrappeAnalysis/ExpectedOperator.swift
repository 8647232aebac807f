import TrappeBase
import TrappeStorage
import TrappeQuery

/// Expected vs actual: the municipalities' values of a measure against the value a weighted
/// least-squares regression on framework variables predicts (the shape of the ministry's
/// benchmarking model, jobindsats Y30R21, with the few variables a user has).
///
/// Per municipality (and period with `by`) the actual value is the measure pooled over its rows
/// (scale · Σ numerator / Σ denominator); it is regressed on an intercept and the variables
/// with the denominator as the weight (``WeightedLeastSquares``), one model per period. A text
/// variable becomes one 0/1 column per value besides the first (sorted; the first is the
/// reference). Municipalities with a missing variable or a denominator of 0 are left out and
/// named in the footer. rank 1 is the municipality furthest on the better side of its
/// expected value, in the measure's direction. See ``ExpectedBinding`` for the syntax.
struct ExpectedOperator: AnalysisOperator {
  /// A framework variable: a number, or text turned into 0/1 columns.
  struct Variable: Sendable, Equatable {
    let name: String
    let categorical: Bool
    /// Where it is named in `on (...)`, for errors found when the model is fitted.
    let range: SourceRange
  }

  let measure: MeasureDefinition
  let variables: [Variable]
  let period: PlanColumn?
  /// `model`: output the coefficients instead of the municipalities.
  let model: Bool
  /// The statement and the command word, for errors with a caret.
  let source: SourceText
  let keywordRange: SourceRange
  /// Whether the denominator sums ints: then `n` is an int column.
  var integerCounts = false
  /// Whether to add expected_lo/expected_hi, the 95 % interval of the fitted mean (`ci`, `.ci on`).
  var intervals = false

  var columns: [PlanColumn] {
    var columns: [PlanColumn] = []
    if model {
      if let period { columns.append(period) }
      columns += [PlanColumn(name: "term", type: .string)]
      columns += ["coef", "std_err", "t", "r2"].map { PlanColumn(name: $0, type: .double) }
      columns.append(PlanColumn(name: "municipalities", type: .int64))
      return columns
    }
    columns.append(PlanColumn(name: "kommune", type: .string))
    if let period { columns.append(period) }
    columns += ["actual", "expected", "diff"].map { PlanColumn(name: $0, type: .double) }
    columns.append(PlanColumn(name: "rank", type: .int64))
    columns.append(PlanColumn(name: "n", type: integerCounts ? .int64 : .double))
    if intervals { columns += ["expected_lo", "expected_hi"].map { PlanColumn(name: $0, type: .double) } }
    return columns
  }

  var summary: String {
    "expected \(measure.name) on (\(variables.map(\.name).joined(separator: ", ")))"
      + (period.map { " by \($0.name)" } ?? "") + (model ? " model" : "")
  }

  /// One period's fit.
  struct Fit {
    /// The municipalities in the model, in input order.
    var names: [String]
    var actual: [Double]
    var weights: [Double]
    var fit: WeightedLeastSquares
    /// The term names: intercept, then one per column.
    var terms: [String]
    /// Municipalities left out, with the reason.
    var leftOut: [(name: String, reason: String)]
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let kommuneColumn = input.column(named: "kommune") else {
      throw Diagnostic(.error, "expected needs a column 'kommune' in its input")
    }
    let data = try MeasureCells(input, measure: measure, key: period?.name)
    let values: Values
    do throws(Diagnostic) {
      values = try ExpectedOperator.variableValues(
        input, kommune: kommuneColumn, variables: variables, period: period?.name, keys: data.keys)
    } catch {
      let range = variables.first { error.message.hasPrefix("'\($0.name)'") }?.range ?? keywordRange
      throw source.diagnostic(error.message, at: range, hints: error.hints)
    }
    var fits: [Fit] = []
    for key in 0..<data.keyCount {
      fits.append(try fit(data, values: values, key: key))
    }
    notes += methodNotes(fits, data: data)
    if model { return modelTable(fits, data: data) }
    let table = municipalityTable(fits, data: data)
    guard intervals else { return table }
    notes.append(
      "ci (95 %): expected_lo/expected_hi = expected ∓ 1.96 · se of the fitted mean, se = √(σ̂² · xᵀ(XᵀWX)⁻¹x) with σ̂² the weighted residual variance (normal quantile, not t): "
        + "the uncertainty of the model's expected level for that municipality, not a prediction interval for its actual value (which would be much wider)")
    var low: [Double?] = []
    var high: [Double?] = []
    for fit in fits {
      for index in fit.names.indices {
        let e = fit.fit.fitted[index]
        let s = fit.fit.fittedStandardErrors[index]
        low.append(s.isFinite ? e - RateInterval.z * s : nil)
        high.append(s.isFinite ? e + RateInterval.z * s : nil)
      }
    }
    return Table(
      Array(zip(table.schema.fields.map(\.name), table.columns))
        + [("expected_lo", AnalysisValues.doubleColumn(low)), ("expected_hi", AnalysisValues.doubleColumn(high))])
  }

  /// Fits the model of key index `key`.
  func fit(_ data: MeasureCells, values: ExpectedOperator.Values, key: Int) throws(Diagnostic) -> Fit {
    let at = period.map { " in \($0.name) \(data.keyText(key))" } ?? ""
    var names: [String] = []
    var actual: [Double] = []
    var weights: [Double] = []
    var leftOut: [(name: String, reason: String)] = []
    var rows: [[ExpectedOperator.Cell?]] = []
    for name in data.municipalities {
      guard let cell = data.cell(name, key) else { continue }
      guard let value = data.value(cell), cell.denominator > 0 else {
        leftOut.append((name, "denominator 0"))
        continue
      }
      let row = variables.map { values.cell($0.name, name, key) }
      let missing = zip(variables, row).filter { $0.1 == nil }.map(\.0.name)
      if !missing.isEmpty {
        leftOut.append((name, "missing \(missing.joined(separator: ", "))"))
        continue
      }
      names.append(name)
      actual.append(value)
      weights.append(cell.denominator)
      rows.append(row)
    }
    // The design: the intercept, then each variable (text: one column per level but the first).
    var terms = ["intercept"]
    var columns: [[Double]] = [[Double](repeating: 1, count: names.count)]
    var owner: [String] = ["intercept"]
    var ranges: [String: SourceRange] = [:]
    for variable in variables { ranges[variable.name] = variable.range }
    for (index, variable) in variables.enumerated() {
      if variable.categorical {
        let levels = Set(rows.compactMap { row -> String? in
          if case .text(let t)? = row[index] { return t } else { return nil }
        }).sorted()
        for level in levels.dropFirst() {
          terms.append("\(variable.name)=\(level)")
          owner.append(variable.name)
          columns.append(rows.map { row in
            if case .text(let t)? = row[index], t == level { return 1 } else { return 0 }
          })
        }
        if levels.count < 2 {
          throw source.diagnostic(
            "'\(variable.name)' has only one value\(at), so it cannot explain anything", at: variable.range,
            hints: ["leave it out of on (...)"])
        }
      } else {
        terms.append(variable.name)
        owner.append(variable.name)
        columns.append(rows.map { row in
          if case .number(let x)? = row[index] { return x } else { return 0 }
        })
      }
    }
    do throws(WeightedLeastSquares.Failure) {
      let fit = try WeightedLeastSquares(y: actual, columns: columns, weights: weights)
      return Fit(names: names, actual: actual, weights: weights, fit: fit, terms: terms, leftOut: leftOut)
    } catch .collinear(let index) {
      var earlier: [String] = []
      for name in owner[..<index] where !earlier.contains(name) { earlier.append(name) }
      throw source.diagnostic(
        "the framework variables are collinear\(at): '\(terms[index])' is (nearly) a linear combination of \(earlier.map { "'\($0)'" }.joined(separator: ", "))",
        at: ranges[owner[index]] ?? keywordRange,
        hints: ["leave out '\(owner[index])' or one of the others; a variable that is the same for every municipality is collinear with the intercept"])
    } catch .tooFew {
      throw source.diagnostic(
        "expected needs more municipalities than terms\(at): \(names.count) municipalities, \(terms.count) terms (\(terms.joined(separator: ", ")))",
        at: keywordRange,
        hints: ["use fewer variables, or check the filters before expected"])
    } catch {
      throw source.diagnostic("expected cannot fit the model\(at): a value or weight is not a finite number", at: keywordRange)
    }
  }
}
