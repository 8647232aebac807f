import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct TableExporterTests {
  /// A small table with every tricky cell: quotes, delimiters, formulas, negatives, nulls.
  static let table = Table([
    ("navn", .string(StringColumn(["=SUM(A1)", "a,b \"q\"", nil, "-x", "ok|pipe\nline"]))),
    ("n", .int64(Int64Column(values: [-5, 2, 0, 4, 5], validity: ValidityMask(allValid: 5)))),
    ("x", .double(DoubleColumn([1.5, -0.25, .nan, 2, 1e-5]))),
    (
      "p",
      .period(
        PeriodColumn(
          unit: .quarter, ordinals: [8035, 8036, 8037, 8038, 8039], validity: ValidityMask(allValid: 5)))
    ),
  ])

  @Test func csvWithFormulaProtection() {
    let text = TableExporter.export(Self.table, format: .csv, options: ExportOptions())
    let expected = [
      "navn,n,x,p",
      "'=SUM(A1),-5,1.5,2008Q4",
      #""a,b ""q""",2,-0.25,2009Q1"#,
      ",0,NaN,2009Q2",
      "'-x,4,2.0,2009Q3",
      "\"ok|pipe\nline\",5,1e-05,2009Q4",
      "",
    ]
    #expect(text == expected.joined(separator: "\n"))
  }

  @Test func csvWithoutFormulaProtection() {
    let text = TableExporter.export(Self.table, format: .csv, options: ExportOptions(protectFormulas: false))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[1] == "=SUM(A1),-5,1.5,2008Q4")
    #expect(lines[4] == "-x,4,2.0,2009Q3")
  }

  @Test func csvWithDecimalCommaUsesSemicolons() {
    let table = Table([
      ("a", .string(StringColumn(["x;y", "z"]))), ("b", .double(DoubleColumn([1.5, -2.25]))),
    ])
    let text = TableExporter.export(table, format: .csv, options: ExportOptions(decimalComma: true))
    #expect(text == "a;b\n\"x;y\";1,5\nz;-2,25\n")
  }

  @Test func tsvEscapesTabsAndNewlines() {
    let table = Table([
      ("a", .string(StringColumn(["x\ty", "l1\nl2", "@me", nil]))),
      ("b", .int64(Int64Column([-1, 2, 3, 4]))),
    ])
    let text = TableExporter.export(table, format: .tsv, options: ExportOptions())
    #expect(text == "a\tb\nx\\ty\t-1\nl1\\nl2\t2\n'@me\t3\n\t4\n")
  }

  @Test func jsonEscapingAndNulls() {
    let table = Table([
      ("s", .string(StringColumn(["q\"b\\", "\u{1}\n", nil]))),
      ("d", .double(DoubleColumn([1.5, .infinity, -2]))),
      ("b", .bool(BoolColumn([true, false, true]))),
    ])
    let text = TableExporter.export(table, format: .json, options: ExportOptions())
    let expected = [
      "[",
      #"  {"s": "q\"b\\", "d": 1.5, "b": true},"#,
      #"  {"s": "\u0001\n", "d": null, "b": false},"#,
      #"  {"s": null, "d": -2.0, "b": true}"#,
      "]",
      "",
    ]
    #expect(text == expected.joined(separator: "\n"))
  }

  @Test func jsonNeverProtectsFormulas() {
    let text = TableExporter.export(Self.table, format: .json, options: ExportOptions())
    #expect(text.contains("{\"navn\": \"=SUM(A1)\", \"n\": -5, \"x\": 1.5, \"p\": \"2008Q4\"}"))
    #expect(text.contains("\"x\": null"))
  }

  @Test func markdownTable() {
    let text = TableExporter.export(Self.table, format: .markdown, options: ExportOptions())
    let expected = [
      "| navn | n | x | p |",
      "| --- | ---: | ---: | --- |",
      "| '=SUM(A1) | -5 | 1.5 | 2008Q4 |",
      #"| a,b "q" | 2 | -0.25 | 2009Q1 |"#,
      "| NULL | 0 | NaN | 2009Q2 |",
      "| '-x | 4 | 2.0 | 2009Q3 |",
      #"| ok\|pipe<br>line | 5 | 1e-05 | 2009Q4 |"#,
      "",
    ]
    #expect(text == expected.joined(separator: "\n"))
  }

  @Test func formatNames() {
    #expect(ExportFormat(fileExtension: ".CSV") == .csv)
    #expect(ExportFormat(fileExtension: "md") == .markdown)
    #expect(ExportFormat(fileExtension: "txt") == .tsv)
    #expect(ExportFormat(fileExtension: "xlsx") == nil)
    #expect(ExportFormat(name: "Markdown") == .markdown)
    #expect(ExportFormat(name: "json") == .json)
    #expect(ExportFormat(path: "out/ledige.json") == .json)
    #expect(ExportFormat(path: "out.d/ledige") == nil)
  }

  @Test func csvRoundTrip() throws {
    let text = TableExporter.export(Self.table, format: .csv, options: ExportOptions(protectFormulas: false))
    let back = try loadCSV(text).table
    #expect(values(back, "navn") == values(Self.table, "navn"))
    // "NaN" is not a number to the reader, so the double column comes back as text.
    #expect(Array(values(back, "x")[0...1]) == [.string("1.5"), .string("-0.25")])
    #expect(values(back, "n") == values(Self.table, "n"))
    #expect(values(back, "p") == values(Self.table, "p"))
  }
}
