import TrappeQuery

extension ExpectedOperator {
  /// `expected` has no SQL form: the regression needs a matrix solve, which SQL has not. Its
  /// independent check is Tests/analyses/check_expected.py (statsmodels WLS).
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if intervals { throw .intervalsNotCompiled(summary, columns: "expected_lo and expected_hi are") }
    throw SQLError(
      "\(summary): a weighted least-squares regression has no SQL form (SQL has no matrix solve)",
      hints: [
        "explain sql covers the pipeline up to expected; compile that part alone",
        "the regression is checked against statsmodels WLS in Tests/analyses/check_expected.py",
      ])
  }
}
