/// Computes a measure's numerator and denominator per group, by running a `summarize` on the input.
public enum MeasureEvaluator {
  /// Per combination of `keys`: the key columns, then `numerator` and `denominator` (doubles).
  ///
  /// The ratio of any union of groups is `scale * sum(numerator) / sum(denominator)`.
  public static func totals(_ input: Table, measure: MeasureDefinition, by keys: [String]) throws(Diagnostic)
    -> Table
  {
    for key in keys where input.column(named: key) == nil {
      throw Diagnostic(
        .error, "the table has no column '\(key)'",
        hints: ["columns: \(input.schema.names.joined(separator: ", "))"]
      ).suggesting(Suggestion.nearest(to: key, in: input.schema.names))
    }
    let by = keys.isEmpty ? "" : " by " + keys.map(Session.quotedIdentifier).joined(separator: ", ")
    let query =
      "input | summarize numerator = double(\(measure.numerator)), denominator = double(\(measure.denominator))\(by)"
    return try run(query, on: input, what: "measure \(measure.name) (\(measure.text))")
  }

  /// Runs a query over `input` (called `input` in the query); errors name `what`.
  public static func run(_ query: String, on input: Table, what: String) throws(Diagnostic) -> Table {
    let source = SourceText(query)
    do throws(Diagnostic) {
      let statement: Statement
      do throws(LanguageError) {
        statement = try QueryParser.parse(query)
      } catch {
        throw error.diagnostic(in: source)
      }
      guard case .pipeline(let pipeline) = statement else {
        throw Diagnostic(.error, "internal query is not a pipeline")
      }
      let binder = Binder(
        source: source, resolveTable: { name throws(Diagnostic) in name == "input" ? input : nil },
        tableNames: ["input"], measures: MeasureRegistry())
      let plan = Optimizer.optimize(try binder.bind(pipeline))
      var executor = Executor()
      do throws(Interrupted) {
        return try executor.run(plan)
      } catch {
        throw executor.failure ?? Diagnostic(.error, "interrupted")
      }
    } catch {
      var wrapped = Diagnostic(.error, "cannot compute \(what): \(error.message)", hints: error.hints)
      wrapped.hints.insert(contentsOf: error.sourceLine.map { ["in: \($0)"] } ?? [], at: 0)
      throw wrapped
    }
  }
}
