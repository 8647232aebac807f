import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeCharts

// Funnel limits computed by hand: p0 = 10 %, n = 100 gives sd = √(0.1 · 0.9 / 100) = 0.03;
// 95 %: 1.959964 · 0.03 = 0.05879892 → 4.120108 % to 15.879892 %;
// 99.8 %: 3.090232 · 0.03 = 0.09270696 → 0.729304 % to 19.270696 %.
// n = 4: sd = √(0.09 / 4) = 0.15; 99.8 %: 3.090232 · 0.15 = 0.4635348 → −36.35 % clipped to 0, 56.35348 %.
@Test func funnelLimitsMatchTheHandComputedBinomialLimits() throws {
  let funnel = FunnelLimits(pooled: 10, scale: 100)
  let inner = try #require(funnel.limits(n: 100, z: FunnelLimits.z95))
  #expect(abs(inner.low - 4.120108) < 1e-9)
  #expect(abs(inner.high - 15.879892) < 1e-9)
  let outer = try #require(funnel.limits(n: 100, z: FunnelLimits.z998))
  #expect(abs(outer.low - 0.729304) < 1e-9)
  #expect(abs(outer.high - 19.270696) < 1e-9)
  let small = try #require(funnel.limits(n: 4, z: FunnelLimits.z998))
  #expect(small.low == 0)
  #expect(abs(small.high - 56.35348) < 1e-9)
  // The same limits on the proportion scale.
  let share = try #require(FunnelLimits(pooled: 0.1, scale: 1).limits(n: 100, z: FunnelLimits.z95))
  #expect(abs(share.high - 0.15879892) < 1e-11)
  #expect(funnel.limits(n: 0, z: FunnelLimits.z95) == nil)
}

@Test func funnelBandsFollowTheLimits() {
  let funnel = FunnelLimits(pooled: 10, scale: 100)
  // With n = 100 (limits above): 16 > 15.88 but < 19.27; 20 > 19.27; 4 < 4.12 but > 0.73; 0.5 < 0.73.
  #expect(funnel.band(value: 10, n: 100) == "inside")
  #expect(funnel.band(value: 15.8, n: 100) == "inside")
  #expect(funnel.band(value: 16, n: 100) == "above 95 %")
  #expect(funnel.band(value: 20, n: 100) == "above 99.8 %")
  #expect(funnel.band(value: 4, n: 100) == "below 95 %")
  #expect(funnel.band(value: 0.5, n: 100) == "below 99.8 %")
  #expect(funnel.band(value: nil, n: 100) == nil)
  #expect(funnel.band(value: 20, n: 0) == nil)
}

@Test func funnelChartMarksPointsOutsideTheLimitsWithOtherGlyphs() throws {
  // Four units, 200 of 2,000 in all: p0 = 10 %. At n = 100 the limits are those above:
  // a (10 %) inside, b (17 %) outside 95 %, c (25 %) outside 99.8 %; d has n = 1,700 and
  // 148 / 1,700 = 8.7 %: sd = √(0.09 / 1700) = 0.007276, 95 % low = 10 − 1.426 = 8.574 %, so inside.
  let table = Table([
    ("kommune", .string(StringColumn(["a", "b", "c", "d"]))),
    ("value", TestColumns.doubles([10, 17, 25, 100.0 * 148 / 1700])),
    ("n", TestColumns.ints([100, 100, 100, 1700])),
  ])
  var options = ChartOptions()
  options.kind = .funnel
  options.highlight = "a"
  for charset in [ChartCharset.ascii, .unicode] {
    let text = try ChartRenderer.render(table, options: options, settings: ChartSettings(width: 70, height: 14, charset: charset))
      .split(separator: "\n").joined(separator: " ")
    #expect(text.contains("4 points: 2 inside the 95 % limits, 2 outside (2 above, 0 below), 1 of them outside 99.8 %"), "\(text)")
    #expect(text.contains(charset == .ascii ? "# outside 99.8 %" : "■ outside 99.8 %"), "\(text)")
    #expect(text.contains(charset == .ascii ? "@ a" : "◉ a"), "\(text)")
    #expect(text.contains("pooled 10"), "\(text)")
  }
}
