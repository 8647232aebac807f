import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Issue 12 / D1: no chart kind traps on huge, Int64-extreme or non-finite values.
private enum Extreme {
  /// ±1e308, ±1.7e308, ±9.2e18 (beyond Int64 for the tick labels), inf, -inf, NaN and a few small values.
  static let doubles: [Double?] = [
    1e308, -1e308, 1.7e308, -1.7e308, 9.2e18, -9.2e18, .infinity, -.infinity, .nan, nil, 2, 3,
  ]
  /// The same rows, non-negative (stacked bars refuse negative values).
  static let nonNegative: [Double?] = [1e308, 1.7e308, 1.7e308, 0, 9.2e18, 9.3e18, .infinity, 5, .nan, nil, 2, 3]
  static let ints: [Int64?] = [.max, .min, .max - 1, .min + 1, 9_200_000_000_000_000_000, 0, 1, -1, nil, 2, 3, 4]

  static var table: Table {
    let n = doubles.count
    return Table([
      ("kommune", .string(StringColumn((0..<n).map { "k\($0)" }))),
      ("herkomst", .string(StringColumn((0..<n).map { $0 % 2 == 0 ? "dansk" : "indvandrer" }))),
      ("v", TestColumns.doubles(doubles)),
      ("p", TestColumns.doubles(nonNegative)),
      ("i", TestColumns.ints(ints)),
      ("t", TestColumns.doubles((0..<n).map { Double($0) })),
    ])
  }

  /// The options that make `kind` draw column `y` of `table`.
  static func options(_ kind: ChartKind, y: String) -> ChartOptions {
    var options = ChartOptions()
    options.kind = kind
    options.y = [y]
    switch kind {
    case .grouped, .stacked, .heatmap: options.x = "kommune"; options.series = "herkomst"
    case .line, .step: options.x = "t"; options.series = "herkomst"
    case .scatter: options.x = y == "i" ? "v" : "i"
    case .bar, .column, .sparkline: options.x = "kommune"
    case .histogram, .box: break
    case .funnel: options.x = "p"
    }
    return options
  }
}

@Test(arguments: [ChartKind.bar, .grouped, .stacked, .column, .line, .step, .sparkline, .histogram, .scatter, .heatmap, .box])
func chartsDrawExtremeValuesWithinTheWidth(_ kind: ChartKind) throws {
  let table = Extreme.table
  for y in kind == .stacked ? ["p", "i"] : ["v", "i"] {
    for width in [20, 40, 80, 160] {
      for charset in [ChartCharset.unicode, .ascii] {
        var options = Extreme.options(kind, y: y)
        if kind == .stacked && y == "i" { options.y = ["p"] }
        let settings = ChartSettings(width: width, height: 12, locale: .danish, charset: charset)
        let text: String
        do {
          text = try ChartRenderer.render(table, options: options, settings: settings)
        } catch {
          Issue.record("\(kind) y=\(y) width \(width): \(error.message)")
          continue
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count >= 2, "\(kind) y=\(y): \(text)")
        for line in lines {
          #expect(DisplayWidth.of(line) <= width, "\(kind) y=\(y) \(charset) \(width): \(line)")
        }
        // The doubles hold inf, -inf and NaN (3 rows, counted by hand); the p column holds inf and NaN (2);
        // a scatter of i against v also loses those 3 x values.
        let column = options.y.first ?? y
        let nonFinite = column == "v" || options.x == "v" ? 3 : column == "p" ? 2 : 0
        if nonFinite > 0 {
          #expect(text.split(separator: "\n").joined(separator: " ").contains("\(nonFinite) values that are not finite numbers"), "\(kind) y=\(y) \(width): \(text)")
        } else {
          #expect(!text.contains("not finite"), "\(kind) y=\(y): \(text)")
        }
      }
    }
  }
}

@Test func axisScaleStaysFiniteAtTheEndsOfTheDoubleRange() {
  // -1e308...0 in 5 ticks: raw step 1e308 / 5 = 2e307, a nice 2 × 1e307, so the ends are -1e308 and 0.
  let down = AxisScale(covering: -1e308, 0, ticks: 5)
  #expect(down.step == 2e307)
  #expect(down.low == -1e308 && down.high == 0)
  #expect(down.position(-1e308, length: 10) == 0)
  // -1e308...1e308 spans inf: the axis is clamped to ±4e307 (steps of 2e307) and values clamp to its ends.
  let both = AxisScale(covering: -1e308, 1e308, ticks: 4)
  #expect(both.low == -4e307 && both.high == 4e307)
  #expect(both.position(1e308, length: 10) == 10)
  #expect(both.position(-1e308, length: 10) == 0)
  // Labels beyond Int64 (9.2e18) are doubles, not a trap.
  let big = AxisScale(covering: 0, 1e19, ticks: 2)
  #expect(big.label(1e19, locale: .plain) == NumberFormatting.format(1e19, locale: .plain))
}

@Test func cellCountsClampInsteadOfTrapping() {
  #expect(Int(cells: .infinity) == 1_000_000_000)
  #expect(Int(cells: -.infinity) == -1_000_000_000)
  #expect(Int(cells: .nan) == 0)
  #expect(Int(cells: 9.3e18) == 1_000_000_000)
  #expect(Int(cells: 7.9) == 7)
  #expect(SparklineChart.level(.infinity, low: 0, high: 1) == 7)
  #expect(SparklineChart.level(.nan, low: 0, high: 1) == 0)
  #expect(SparklineChart.level(1, low: -.infinity, high: .infinity) == 0)
}
