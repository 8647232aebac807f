import Testing
import Foundation
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// A small table of municipalities with a null in each of two columns.
private func municipalities() -> Table {
  var persons = PrimitiveColumnBuilder<Double>(placeholder: 0)
  persons.append(12345.5)
  persons.appendNull()
  persons.append(0)
  persons.append(2)
  return Table([
    ("kode", .int64(Int64Column([101, 147, 860, 5]))),
    ("navn", .string(StringColumn(["København", "Frederiksberg Kommune", "Hjørring", nil]))),
    ("personer", .double(persons.finish())),
  ])
}

/// A table of `columns` integer columns and three rows.
private func wideTable(columns: Int) -> Table {
  Table(
    (0..<columns).map { i in
      ("kolonne_\(i)", Column.int64(Int64Column([Int64(i * 1000), 123_456_789, 7])))
    })
}

private func lines(_ text: String) -> [String] {
  text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// The display width of the text before the `n`th box-drawing separator of `line`.
private func separatorOffset(_ line: String, _ n: Int) -> Int? {
  var seen = 0
  var width = 0
  for character in line {
    if "│┼┬┴├┤┌┐└┘".contains(character) {
      seen += 1
      if seen == n { return width }
    }
    width += DisplayWidth.of(character)
  }
  return nil
}

@Test func rendersSmallTableExactly() {
  let text = BoxRenderer(options: RenderOptions(maxColumnWidth: 10)).render(municipalities())
  let expected = """
    ┌──────┬────────────┬──────────┐
    │ kode │    navn    │ personer │
    │ int  │   string   │  double  │
    ├──────┼────────────┼──────────┤
    │  101 │ København  │  12345.5 │
    │  147 │ Frederiks… │     NULL │
    │  860 │ Hjørring   │      0.0 │
    │    5 │ NULL       │      2.0 │
    ├──────┴────────────┴──────────┤
    │ 4 rows  3 columns            │
    └──────────────────────────────┘
    """
  #expect(text == expected)
}

@Test func numbersAreRightAlignedAndTextLeftAligned() {
  let rows = lines(BoxRenderer().render(municipalities()))
  #expect(rows[4].hasPrefix("│  101 │ København "))
  #expect(rows[7].hasPrefix("│    5 │ NULL "))
  #expect(rows[5].hasSuffix("│     NULL │"))
}

@Test func nullTextIsConfigurable() {
  let text = BoxRenderer(options: RenderOptions(nullText: "∅")).render(municipalities())
  #expect(!text.contains("NULL"))
  #expect(lines(text)[5].hasSuffix("│        ∅ │"))
}

@Test func danishLocaleFormatsCellsAndCounts() {
  let table = Table([
    ("antal", .int64(Int64Column([2008, 12345, -1_234_567]))),
    ("andel", .double(DoubleColumn([0.5, 12345.6, 1234.0]))),
  ])
  let text = BoxRenderer(options: RenderOptions(locale: .danish)).render(table)
  let rows = lines(text)
  // A column with five-digit numbers groups its four-digit ones too, so digits line up.
  #expect(rows[4] == "│      2.008 │      0,5 │")
  #expect(rows[5] == "│     12.345 │ 12.345,6 │")
  #expect(rows[6] == "│ -1.234.567 │  1.234,0 │")
}

@Test func danishLocaleLeavesYearLikeColumnsUngrouped() {
  let table = Table([
    ("år", .int64(Int64Column([2007, 2008]))),
    ("andel", .double(DoubleColumn([1234.5, 0.5]))),
  ])
  let rows = lines(BoxRenderer(options: RenderOptions(locale: .danish)).render(table))
  #expect(rows[4] == "│ 2007 │    1.234,5 │")
  #expect(rows[5] == "│ 2008 │        0,5 │")
}

@Test func longTablesShowFirstAndLastHalf() {
  let table = Table([("n", .int64(Int64Column((0..<98).map { Int64($0) })))])
  let text = BoxRenderer(options: RenderOptions(maxRows: 40)).render(table)
  let rows = lines(text)
  // top, header, type, rule, 20 rows, dots, 20 rows, rule, footer, bottom.
  #expect(rows.count == 4 + 20 + 1 + 20 + 3)
  #expect(rows[4].contains(" 0 │"))
  #expect(rows[23].contains(" 19 │"))
  #expect(rows[24].contains("·"))
  #expect(rows[25].contains(" 78 │"))
  #expect(rows[44].contains(" 97 │"))
  #expect(rows[46].contains("98 rows (40 shown)  1 column "))
}

@Test func maxRowsZeroShowsEveryRow() {
  let table = Table([("n", .int64(Int64Column((0..<98).map { Int64($0) })))])
  let rows = lines(BoxRenderer(options: RenderOptions(maxRows: 0)).render(table))
  #expect(rows.count == 4 + 98 + 3)
  #expect(!rows.contains { $0.contains("·") })
  #expect(rows[rows.count - 2].contains("98 rows  1 column "))
}

@Test func singularCountsInFooter() {
  let table = Table([("n", .int64(Int64Column([1])))])
  #expect(BoxRenderer().render(table).contains("│ 1 row  1 column │"))
}

@Test func narrowWidthHidesColumnsFromTheRightAndNamesThem() {
  let text = BoxRenderer(options: RenderOptions(maxWidth: 40)).render(wideTable(columns: 15))
  let rows = lines(text)
  // Whole numbers (123456789 is 9 wide) in columns whose headers give way to 12 at most.
  #expect(rows[1] == "│ kolonne_0 │ kolonne_1 │ kolonne_2 │")
  #expect(rows[5] == "│ 123456789 │ 123456789 │ 123456789 │")
  #expect(text.contains("3 rows  15 columns (3 shown)"))
  #expect(rows[9] == "│ hidden: kolonne_3, kolonne_4,     │")
  #expect(rows[11] == "│ 7 more (.width 186 shows all)     │")
  #expect(!text.contains("…"))
}

/// resultater's first rows, as the review's repro (`.maxrows 6`, `resultater`) shows them.
private func resultaterRows() -> Table {
  Table([
    ("kommunekode", .int64(Int64Column([101, 101, 860]))),
    ("kommune", .string(StringColumn(["København", "København", "Hjørring"]))),
    ("runde", .int64(Int64Column([1, 1, 5]))),
    ("ydelse", .string(StringColumn(["kontanthjælp", "kontanthjælp", "starthjælp"]))),
    ("herkomst", .string(StringColumn(["dansk", "indvandrer", "efterkommer"]))),
    ("personer", .int64(Int64Column([4118, 2336, 14]))),
    ("startet", .int64(Int64Column([638, 308, 1]))),
    ("uger_selvforsoergende", .double(DoubleColumn([17628.7, 8427.5, 41.5]))),
    ("uger_aktivering", .double(DoubleColumn([72775.6, 42977.2, 292.2]))),
    ("uger_i_alt", .double(DoubleColumn([209348.2, 117742.1, 684.7]))),
    ("jobpakke", .int64(Int64Column([0, 0, 0]))),
  ])
}

@Test func numbersAreNeverCutAtAnyWidth() {
  // P1 #2: at 100 and 80 columns uger_i_alt = 209348.2 showed as 20934….
  let table = resultaterRows()
  for width in [60, 80, 100, 120, 160] {
    let text = BoxRenderer(options: RenderOptions(maxWidth: width)).render(table)
    let rows = lines(text)
    #expect(rows.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width)")
    // Every number cell shown is one of the table's numbers, whole.
    let numbers: Set<String> = [
      "101", "860", "1", "5", "4118", "2336", "14", "638", "308", "17628.7", "8427.5", "41.5", "72775.6", "42977.2",
      "292.2", "209348.2", "117742.1", "684.7", "0",
    ]
    for row in rows[4...6] {
      let cells = row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      for cell in cells where cell.first?.isNumber == true {
        #expect(numbers.contains(cell), "width \(width): \(cell) in \(row)")
      }
    }
    // The municipality (the key) is always there, whole.
    #expect(rows[4].contains("København"), "width \(width)")
    // Hidden columns are named, with a way to see them.
    if text.contains("columns (") {
      #expect(text.contains("hidden: "), "width \(width)")
      #expect(text.contains(".width 151 shows all"), "width \(width)")
    }
  }
}

@Test func codesAreHiddenBeforeTextIsShortened() {
  // P2 #14: at 80 columns the four Fred… municipalities all became Freder… while the code
  // column kept its 13-character header.
  let table = Table([
    ("kommunekode", .int64(Int64Column([147, 210, 250, 607, 813]))),
    ("kommunekode_4", .string(StringColumn(["0147", "0210", "0250", "0607", "0813"]))),
    ("kommune", .string(StringColumn(["Frederiksberg", "Fredensborg", "Frederikssund", "Fredericia", "Frederikshavn"]))),
    ("region", .string(StringColumn([
      "Region Hovedstaden", "Region Hovedstaden", "Region Hovedstaden", "Region Syddanmark", "Region Nordjylland",
    ]))),
    ("regionskode", .int64(Int64Column([1084, 1084, 1084, 1083, 1081]))),
    ("nuts2", .string(StringColumn(["DK01", "DK01", "DK01", "DK03", "DK05"]))),
    ("areal_km2", .double(DoubleColumn([8.7, 112.1, 248.5, 133.6, 651.4]))),
    ("vip2", .bool(BoolColumn([false, true, false, false, false]))),
  ])
  let text = BoxRenderer(options: RenderOptions(maxWidth: 80)).render(table)
  for name in ["Frederiksberg", "Fredensborg", "Frederikssund", "Fredericia", "Frederikshavn", "Region Syddanmark"] {
    #expect(text.contains(name))
  }
  #expect(text.contains("hidden: kommunekode_4, regionskode, nuts2"))
  #expect(!text.contains("…"))
  // Even at 40 columns the municipalities stay distinguishable.
  let narrow = BoxRenderer(options: RenderOptions(maxWidth: 40)).render(table)
  let shown = lines(narrow)[4...8].map { row in
    row.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.first { $0.hasPrefix("Fred") } ?? ""
  }
  #expect(Set(shown).count == 5, "\(shown)")
}

@Test func doubleColumnsShowTheSameDecimalsInEveryRow() {
  // P2 #15: 10 next to 11.97, 160.0 for a count of persons.
  let table = Table([
    ("pct", .double(DoubleColumn([10, 11.97, 0.5]))),
    ("personer", .double(DoubleColumn([160, 46683, 3]))),
    ("whole", .double(DoubleColumn([2, 3, 4]))),
  ])
  let rows = lines(BoxRenderer().render(table))
  #expect(rows[4] == "│  10.00 │      160 │    2.0 │")
  #expect(rows[5] == "│  11.97 │    46683 │    3.0 │")
  #expect(rows[6] == "│   0.50 │        3 │    4.0 │")
  // A count role makes any name a count.
  let counted = BoxRenderer().render(
    Table([("x", .double(DoubleColumn([160, 2])))]), roles: [.count])
  #expect(lines(counted)[4].hasSuffix(" 160 │"))
  #expect(!counted.contains("160.0"))
}

@Test func danishGroupsEveryNumericColumnTheSameWay() {
  // P2 #15: ledige 2051 next to indbyggere 77.457 in the same table.
  let table = Table([
    ("aar", .int64(Int64Column([2008, 2009]))),
    ("ledige", .int64(Int64Column([2051, 6777]))),
    ("indbyggere", .int64(Int64Column([77457, 50123]))),
    ("pct", .double(DoubleColumn([1234.5, 0.25]))),
  ])
  let rows = lines(BoxRenderer(options: RenderOptions(locale: .danish)).render(table))
  #expect(rows[4] == "│ 2008 │  2.051 │     77.457 │ 1.234,50 │")
  #expect(rows[5] == "│ 2009 │  6.777 │     50.123 │     0,25 │")
}

@Test func asciiCharsetDrawsPlusMinusBarBorders() {
  var options = RenderOptions(maxColumnWidth: 10)
  options.ascii = true
  let text = BoxRenderer(options: options).render(municipalities(), footer: ["out1 · source: t ← u"])
  #expect(!text.contains { "┌┬┐├┼┤└┴┘─│…·←".contains($0) })
  let rows = lines(text)
  #expect(rows[0] == "+------+------------+----------+")
  #expect(rows[5] == "|  147 | Frederi... |     NULL |")
  #expect(rows.last == "out1 - source: t <- u")
  // Headers cut with ... stay as distinguishable as with …: never uger... twice.
  var narrow = RenderOptions(maxWidth: 80)
  narrow.ascii = true
  let header = lines(BoxRenderer(options: narrow).render(resultaterRows()))[1]
  let names = header.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  #expect(Set(names).count == names.count, "\(header)")
}

@Test func everyLineFitsTheMaximumWidth() {
  let table = wideTable(columns: 15)
  for width in [20, 40, 80, 200] {
    let text = BoxRenderer(options: RenderOptions(maxWidth: width)).render(table, footer: ["Source: Danmarks Statistik, table BY1"])
    let rows = lines(text)
    #expect(rows.allSatisfy { DisplayWidth.of($0) <= width }, "maxWidth \(width)")
    let box = rows.filter { $0.first.map { "┌│├└".contains($0) } ?? false }
    #expect(Set(box.map { DisplayWidth.of($0) }).count == 1, "ragged box at maxWidth \(width)")
  }
  let all = BoxRenderer(options: RenderOptions(maxWidth: 200)).render(table)
  #expect(all.contains("kolonne_7"))
  #expect(all.contains("3 rows  15 columns "))
}

@Test func wideAndCombiningCharactersAlign() {
  let table = Table([
    ("navn", .string(StringColumn(["æøå", "e\u{301}te\u{301}", "日本語", "Ærø Kommune"]))),
    ("n", .int64(Int64Column([1, 22, 333, 4444]))),
  ])
  let rows = lines(BoxRenderer().render(table))
  let widths = Set(rows.map { DisplayWidth.of($0) })
  #expect(widths.count == 1)
  let grid = rows.dropLast(3)
  let offsets = Set(grid.map { separatorOffset($0, 2) })
  #expect(offsets.count == 1)
  #expect(rows[5] == "│ e\u{301}te\u{301}         │   22 │")
  #expect(rows[6] == "│ 日本語      │  333 │")
}

@Test func longCellsAreTruncatedWithEllipsis() {
  let text = BoxRenderer(options: RenderOptions(maxColumnWidth: 8)).render(municipalities())
  #expect(text.contains("│ Frederi… │"))
  #expect(text.contains("│ Københa… │"))
  #expect(!text.contains("Frederiksberg"))
}

@Test func emptyTableShowsHeaderAndZeroRows() {
  let table = Table([("kode", .int64(Int64Column([]))), ("navn", .string(StringColumn([])))])
  let expected = """
    ┌──────┬────────────┐
    │ kode │    navn    │
    │ int  │   string   │
    ├──────┴────────────┤
    │ 0 rows  2 columns │
    └───────────────────┘
    """
  #expect(BoxRenderer().render(table) == expected)
}

@Test func tableWithoutColumnsSaysSo() {
  let expected = """
    ┌──────────────┐
    │ (no columns) │
    └──────────────┘
    """
  #expect(BoxRenderer().render(Table.empty) == expected)
}

@Test func footerLinesFollowTheBoxWithoutWideningIt() {
  let plain = lines(BoxRenderer(options: RenderOptions(maxColumnWidth: 10)).render(municipalities()))
  let text = BoxRenderer(options: RenderOptions(maxColumnWidth: 10))
    .render(municipalities(), footer: ["Source: Danmarks Statistik, table BY1"])
  let rows = lines(text)
  #expect(Array(rows.dropLast()) == plain)
  #expect(rows.last == "Source: Danmarks Statistik, table BY1")
}

@Test func footerLinesLongerThanTheMaximumWidthAreCut() {
  let text = BoxRenderer(options: RenderOptions(maxWidth: 32, maxColumnWidth: 10))
    .render(municipalities(), footer: ["Source: Danmarks Statistik, table BY1, population 1 January"])
  let rows = lines(text)
  #expect(rows[rows.count - 1] == "Source: Danmarks Statistik, tab…")
  #expect(rows.allSatisfy { DisplayWidth.of($0) <= 32 })
}

@Test func colorAddsEscapesThatDoNotChangeTheText() {
  let plain = BoxRenderer(options: RenderOptions()).render(municipalities())
  let colored = BoxRenderer(options: RenderOptions(color: true)).render(municipalities())
  #expect(colored.contains("\u{1B}[1mkode\u{1B}[0m"))
  #expect(colored.contains("\u{1B}[2mNULL\u{1B}[0m"))
  #expect(colored.contains("\u{1B}[2mint\u{1B}[0m"))
  #expect(colored != plain)
  #expect(TerminalText.strippingEscapes(colored) == plain)
}

@Test func rendersOnlyTheShownRowsOfAHugeTable() {
  let count = 10_000_000
  let table = Table([
    ("n", .int64(Int64Column([Int64](repeating: 7, count: count)))),
    ("s", .string(StringColumn(codes: [UInt32](repeating: 0, count: count), dictionary: ["x"], validity: ValidityMask(allValid: count)))),
  ])
  let clock = ContinuousClock()
  var text = ""
  let elapsed = clock.measure { text = BoxRenderer().render(table) }
  #expect(text.contains("10000000 rows (40 shown)  2 columns"))
  #expect(elapsed < .milliseconds(500))
}

@Test func tinyWidthsStillDrawAClosedBox() {
  for width in [1, 5, 9, 12] {
    let rows = lines(BoxRenderer(options: RenderOptions(maxWidth: width)).render(wideTable(columns: 15)))
    #expect(rows.first?.hasPrefix("┌") == true)
    #expect(rows.last?.hasPrefix("└") == true)
    let box = rows.filter { $0.first.map { "┌│├└".contains($0) } ?? false }
    #expect(Set(box.map { DisplayWidth.of($0) }).count == 1, "ragged box at maxWidth \(width)")
  }
  let nine = lines(BoxRenderer(options: RenderOptions(maxWidth: 9)).render(wideTable(columns: 15)))
  #expect(nine.allSatisfy { DisplayWidth.of($0) <= 9 })
}

@Test func nullTextWithControlCharactersStaysOnOneLine() {
  let text = BoxRenderer(options: RenderOptions(nullText: "<\n>")).render(municipalities())
  #expect(text.contains("<\\n>"))
  #expect(lines(text).count == 11)
}
