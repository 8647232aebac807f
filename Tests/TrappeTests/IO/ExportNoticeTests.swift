import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

/// The illustrative label travels with exported data, and `.load` recognises it (H2, H3).
@Suite struct ExportNoticeTests {
  static let table = Table([("a", .int64(Int64Column(values: [1, 2], validity: ValidityMask(allValid: 2))))])
  static let label = "Illustrative data, not real results (generated; see Datasets/README.md)"

  static func export(_ format: ExportFormat) -> String {
    var options = ExportOptions()
    options.notice = ExportNotice.illustrative
    return TableExporter.export(table, format: format, options: options)
  }

  @Test func everyFormatCarriesTheLabel() {
    #expect(Self.export(.csv) == "# \(Self.label)\na\n1\n2\n")
    #expect(Self.export(.tsv) == "# \(Self.label)\na\n1\n2\n")
    #expect(Self.export(.markdown) == "| a |\n| ---: |\n| 1 |\n| 2 |\n\n_\(Self.label)_\n")
    #expect(Self.export(.json) == "{\"notice\": \"\(Self.label)\", \"rows\": [\n  {\"a\": 1},\n  {\"a\": 2}\n]}\n")
  }

  @Test func readingSkipsTheLabelAndMarksTheTable() throws {
    let result = try loadCSV(Self.export(.csv))
    #expect(result.illustrativeNotice)
    #expect(result.table.rowCount == 2)
    #expect(values(result.table, "a") == [.int64(1), .int64(2)])
    // Without the label (or with anything else on the first line) the file is plain data.
    #expect(try loadCSV("a\n1\n2\n").illustrativeNotice == false)
    #expect(try loadCSV("# Illustrative\na\n1\n").illustrativeNotice == false)
  }

  @Test func errorLinesCountTheLabelLine() {
    // Line 1 is the label, 2 the header, 3 and 4 data: the ragged row is line 4.
    guard case .raggedRow(let position, _, _, _)? = csvError("# \(Self.label)\na,b\n1,2\n3\n") else {
      Issue.record("expected a ragged row")
      return
    }
    #expect(position.line == 4)
  }
}
