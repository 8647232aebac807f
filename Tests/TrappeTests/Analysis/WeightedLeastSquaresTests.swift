import Testing
@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeAnalysis

@Suite struct WeightedLeastSquaresTests {
  /// y = (1, 2, 4) on x = (0, 1, 2) with weights (1, 1, 2), by hand:
  /// Σw = 4, Σwx = 5, Σwx² = 9, Σwy = 11, Σwxy = 18; [4 5; 5 9] β = (11, 18), det 11:
  /// a = (99 − 90)/11 = 9/11, b = (72 − 55)/11 = 17/11; fitted 9/11, 26/11, 43/11;
  /// residuals 2/11, −4/11, 1/11; SSR = (4 + 16 + 2)/121 = 2/11; σ² = SSR/(3 − 2);
  /// (XᵀWX)⁻¹ = [9 −5; −5 4]/11, so SE(a) = √(2/11 · 9/11) = √18/11, SE(b) = √8/11;
  /// weighted mean 11/4, TSS = 3.0625 + 0.5625 + 2·1.5625 = 6.75, R² = 1 − (2/11)/6.75 = 289/297.
  @Test func aSmallFitByHand() throws {
    let fit = try WeightedLeastSquares(y: [1, 2, 4], columns: [[1, 1, 1], [0, 1, 2]], weights: [1, 1, 2])
    #expect(abs(fit.coefficients[0] - 9.0 / 11) < 1e-14)
    #expect(abs(fit.coefficients[1] - 17.0 / 11) < 1e-14)
    #expect(abs(fit.fitted[2] - 43.0 / 11) < 1e-14)
    #expect(abs(fit.standardErrors[0] - 18.0.squareRoot() / 11) < 1e-14)
    #expect(abs(fit.standardErrors[1] - 8.0.squareRoot() / 11) < 1e-14)
    #expect(abs((fit.rSquared ?? 0) - 289.0 / 297) < 1e-14)
  }

  @Test func collinearColumnsAreNamedByIndex() {
    // The third column is twice the second.
    #expect(throws: WeightedLeastSquares.Failure.collinear(index: 2)) {
      try WeightedLeastSquares(y: [1, 2, 4, 3], columns: [[1, 1, 1, 1], [0, 1, 2, 3], [0, 2, 4, 6]], weights: [1, 1, 1, 1])
    }
    // A constant column next to the intercept.
    #expect(throws: WeightedLeastSquares.Failure.collinear(index: 1)) {
      try WeightedLeastSquares(y: [1, 2, 4], columns: [[1, 1, 1], [5, 5, 5]], weights: [1, 2, 3])
    }
  }

  @Test func moreObservationsThanTermsAreNeeded() {
    #expect(throws: WeightedLeastSquares.Failure.tooFew) {
      try WeightedLeastSquares(y: [1, 2], columns: [[1, 1], [0, 1]], weights: [1, 1])
    }
  }

  @Test func theY30MeasureCarriesItsExpectedNumerator() throws {
    let measure = try #require(MeasureRegistry().measure("y30_andel"))
    #expect(measure.builtIn && measure.table == "jobindsats_y30r21" && measure.direction == .lower)
    #expect(measure.expectedTerm?.text == "sum(forventet_andel_pct * befolkning_16_66)")
    #expect(measure.expectedMeasure?.numerator == "sum(forventet_andel_pct * befolkning_16_66)")
    #expect(measure.expectedMeasure?.denominator == "sum(befolkning_16_66)")
  }
}
