import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Binning, quartiles, shade levels and line widths of the distribution charts.
@Suite struct DistributionChartTests {
  /// A ChartData of one value column, with optional labels and series.
  static func data(_ values: [Double?], labels: [String?]? = nil, series: [String?]? = nil) -> ChartData {
    ChartData(
      labels: labels ?? values.indices.map { String($0 + 1) }, labelName: "kommune",
      values: [(name: "pct", values: values)], series: series, seriesName: series == nil ? nil : "runde",
      xValues: labels == nil ? values.indices.map { Double($0 + 1) } : nil)
  }

  @Test func edgesAreNiceAndCoverTheValues() {
    let edges = DistributionStats.edges(low: 3, high: 47, bins: 5).edges
    #expect(edges == [0, 10, 20, 30, 40, 50])
    let tenths = DistributionStats.edges(low: 0.1, high: 0.7, bins: 6).edges
    #expect(tenths == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
  }

  @Test func countsPutEdgeValuesInTheUpperBinAndTheTopEdgeInTheLastBin() {
    let edges: [Double] = [0, 10, 20, 30]
    #expect(DistributionStats.counts([0, 9.99, 10, 20, 29, 30], edges: edges) == [2, 1, 3])
    #expect(DistributionStats.bin(of: 30, edges: edges) == 2)
    #expect(DistributionStats.bin(of: 10, edges: edges) == 1)
  }

  @Test func decimalValuesLandOnTheirEdge() {
    let values = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    let edges = DistributionStats.edges(low: 0.1, high: 0.7, bins: 6).edges
    #expect(DistributionStats.counts(values, edges: edges) == [1, 1, 1, 1, 1, 2])
  }

  @Test func sturgesBins() {
    #expect(DistributionStats.sturges(1) == 1)
    #expect(DistributionStats.sturges(98) == 8)
    #expect(DistributionStats.sturges(1000) == 11)
  }

  @Test func quartilesInterpolateLikeQuantileCont() {
    // DuckDB: quantile_cont([1, 2, 3, 4], 0.25) = 1.75, median 2.5, 0.75 = 3.25.
    let sorted: [Double] = [1, 2, 3, 4]
    #expect(DistributionStats.quantile(sorted, 0.25) == 1.75)
    #expect(DistributionStats.quantile(sorted, 0.5) == 2.5)
    #expect(DistributionStats.quantile(sorted, 0.75) == 3.25)
    #expect(DistributionStats.quantile([7], 0.25) == 7)
    #expect(DistributionStats.quantile([], 0.5) == nil)
  }

  @Test func boxSummaryHasTukeyWhiskersAndOutliers() throws {
    let box = try #require(BoxSummary([1, 2, 3, 4, 5, 6, 7, 8, 100]))
    #expect(box.q1 == 3)
    #expect(box.median == 5)
    #expect(box.q3 == 7)
    #expect(box.whiskerLow == 1)
    #expect(box.whiskerHigh == 8)
    #expect(box.outliers == [100])
    #expect(BoxSummary([]) == nil)
  }

  @Test func shadeLevelsSplitTheRangeInFive() {
    #expect(HeatmapChart.level(0, low: 0, high: 100) == 0)
    #expect(HeatmapChart.level(19.9, low: 0, high: 100) == 0)
    #expect(HeatmapChart.level(20, low: 0, high: 100) == 1)
    #expect(HeatmapChart.level(79.9, low: 0, high: 100) == 3)
    #expect(HeatmapChart.level(100, low: 0, high: 100) == 4)
    #expect(HeatmapChart.level(-5, low: -10, high: 0) == 2)
    #expect(HeatmapChart.level(3, low: 3, high: 3) == 4)
    #expect(HeatmapChart.thresholds(low: 0, high: 100) == [20, 40, 60, 80])
  }

  @Test func histogramLabelsAreHalfOpenAndLocaleAware() {
    #expect(HistogramChart.rangeLabels([0, 5, 10], locale: .plain) == ["[0,  5)", "[5, 10]"])
    #expect(HistogramChart.rangeLabels([0, 2.5, 5], locale: .danish) == ["[  0; 2,5)", "[2,5;   5]"])
  }

  @Test(arguments: [40, 80, 160])
  func everyLineFitsTheWidth(width: Int) throws {
    let long = "Region Hovedstaden med et meget langt navn der ikke kan være der"
    let labels: [String?] = (0..<98).map { $0 % 7 == 0 ? long + String($0) : "Kommune \($0)" }
    var values: [Double?] = []
    for i in 0..<98 {
      let raw = Double((i * 37) % 101) - 20.5
      values.append(i % 11 == 0 ? nil : raw)
    }
    let series: [String?] = (0..<98).map { String($0 % 5 + 1) }
    for charset in [ChartCharset.unicode, .ascii] {
      for locale in [NumberLocale.plain, .danish] {
        let settings = ChartSettings(width: width, locale: locale, charset: charset)
        var options = ChartOptions()
        options.target = 12
        for kind in DistributionCharts.kinds {
          let lines = try DistributionCharts.draw(
            kind, data: Self.data(values, labels: labels, series: series), options: options, settings: settings)
          #expect(!lines.isEmpty)
          for line in lines { #expect(DisplayWidth.of(line) <= width, "\(kind) \(line)") }
        }
      }
    }
  }

  @Test func histogramCountsEveryValueAndReportsNulls() throws {
    let lines = try DistributionCharts.draw(
      .histogram, data: Self.data([1, 2, 2, 3, nil, 10]), options: ChartOptions(), settings: ChartSettings(width: 60))
    #expect(lines.first == "pct: 5 values in 4 bins of 2.5")
    #expect(lines.last == "1 NULL value not binned")
  }

  @Test func heatmapOrdersIntegerSeriesNumerically() throws {
    let data = Self.data(
      [1, 2, 3, 4], labels: ["B", "A", "A", "B"], series: ["10", "2", "10", "2"])
    let lines = try DistributionCharts.draw(.heatmap, data: data, options: ChartOptions(), settings: ChartSettings(width: 40))
    #expect(lines[1].split(separator: " ") == ["kommune", "2", "10"])
    #expect(lines[2].hasPrefix("A"))
  }
}
