import Testing
@testable import TrappeBase
@testable import TrappeStorage

// Expected values from numpy 2 (x.mean(), x.std(ddof=1), np.quantile(x, [.25, .5, .75])),
// not from Trappe.
@Test func numericSummaryMatchesNumpy() throws {
  var builder = PrimitiveColumnBuilder<Double>(placeholder: 0)
  for value in [1, 2, 3, 4, 10, 7.5] { builder.append(value) }
  builder.appendNull()
  let summary = try #require(NumericSummary(.double(builder.finish())))
  #expect(abs(summary.mean - 4.583333333333333) < 1e-12)
  #expect(abs((summary.standardDeviation ?? 0) - 3.4701104689428357) < 1e-12)
  #expect(abs(summary.lowerQuartile - 2.25) < 1e-12)
  #expect(abs(summary.median - 3.5) < 1e-12)
  #expect(abs(summary.upperQuartile - 6.625) < 1e-12)
}

@Test func numericSummaryOfOneValueHasNoStandardDeviation() throws {
  let summary = try #require(NumericSummary(.int64(Int64Column([7]))))
  #expect(summary.mean == 7 && summary.median == 7 && summary.standardDeviation == nil)
  #expect(NumericSummary(.string(StringColumn(["a"]))) == nil)
}
