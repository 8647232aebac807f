import TrappeQuery

extension ExpectedOperator {
  /// `expected` has no SQL form: the regression needs a matrix solve, which SQL has not. Its
  /// independent check is Tests/analyses/check_expected.py (statsmodels WLS).
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if intervals {
      throw SQLError(
        "\(summary): ci has no SQL form, it is not compiled (expected_lo and expected_hi are computed by Trappe only)",
        hints: ["explain sql the stage without ci (or after .ci off) for the point values"])
    }
    throw SQLError(
      "\(summary): a weighted least-squares regression has no SQL form (SQL has no matrix solve)",
      hints: [
        "explain sql covers the pipeline up to expected; compile that part alone",
        "the regression is checked against statsmodels WLS in Tests/analyses/check_expected.py",
      ])
  }
}
