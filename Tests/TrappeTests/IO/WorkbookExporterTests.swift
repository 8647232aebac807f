import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

// Issue 15 item 8: `.save FILE.xlsx` without third-party code. openpyxl reads the files back
// cell by cell in Tests/analyses/check_xlsx.py; these tests pin the pieces.
@Suite struct WorkbookExporterTests {
  @Test func crc32MatchesTheStandardCheckValues() {
    // The published check value of CRC-32/ISO-HDLC (the ZIP CRC) for "123456789".
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
    // "The quick brown fox jumps over the lazy dog" → 0x414FA339 (a widely quoted value).
    #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
  }

  /// The little-endian number of `width` bytes at `offset`.
  func number(_ bytes: [UInt8], _ offset: Int, _ width: Int) -> Int {
    (0..<width).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
  }

  @Test func storedZipHasHeadersCentralDirectoryAndEnd() throws {
    let zip = try StoredZip.archive([
      .init(name: "a.txt", bytes: Array("hello".utf8)), .init(name: "b/c.xml", bytes: Array("<x/>".utf8)),
    ])
    // Local header of a.txt: signature, method 0 (stored), CRC, both sizes 5, then name and data.
    #expect(number(zip, 0, 4) == 0x0403_4B50)
    #expect(number(zip, 8, 2) == 0)
    #expect(number(zip, 14, 4) == 0x3610_A686)  // CRC-32 of "hello"
    #expect(number(zip, 18, 4) == 5 && number(zip, 22, 4) == 5)
    #expect(Array(zip[30..<35]) == Array("a.txt".utf8) && Array(zip[35..<40]) == Array("hello".utf8))
    // End of central directory: 2 entries, and the central directory where it says.
    let end = zip.count - 22
    #expect(number(zip, end, 4) == 0x0605_4B50)
    #expect(number(zip, end + 10, 2) == 2)
    let central = number(zip, end + 16, 4)
    #expect(number(zip, central, 4) == 0x0201_4B50)
    #expect(number(zip, central + 42, 4) == 0)  // a.txt's local header offset
    #expect(central + number(zip, end + 12, 4) == end)
  }

  @Test func sheetNamesFollowExcelsRules() {
    #expect(WorkbookExporter.sheetName("kommunepanel") == "kommunepanel")
    #expect(WorkbookExporter.sheetName("andel_ledige_per_kommune_og_aar_2007") == "andel_ledige_per_kommune_og_aar")
    #expect(WorkbookExporter.sheetName("a/b:c?d*e[f]g\\h") == "a_b_c_d_e_f_g_h")
    #expect(WorkbookExporter.sheetName("'x'") == "x")
    #expect(WorkbookExporter.sheetName("") == "Sheet1")
    #expect(WorkbookExporter.sheetName("History") == "History_")
    #expect(WorkbookExporter.columnLetters(0) == "A")
    #expect(WorkbookExporter.columnLetters(25) == "Z")
    #expect(WorkbookExporter.columnLetters(26) == "AA")
    #expect(WorkbookExporter.columnLetters(701) == "ZZ")
    #expect(WorkbookExporter.columnLetters(702) == "AAA")
  }

  @Test func cellsAreTypedAndEscaped() throws {
    let table = Table([
      ("navn", .string(StringColumn(["=SUM(A1)", "a<b & \"c\"", nil]))),
      ("n", .int64(Int64Column(values: [-5, 2, 0], validity: ValidityMask(allValid: 3)))),
      ("x", .double(DoubleColumn([1.5, 2, .nan]))),
    ])
    let bytes = try WorkbookExporter.workbook(table, sheet: "t")
    let text = String(decoding: bytes, as: UTF8.self)
    // Header row in bold (style 1); strings inline, never formulas, escaped; numbers as <v>.
    #expect(text.contains(#"<c r="A1" t="inlineStr" s="1"><is><t>navn</t></is></c>"#))
    #expect(text.contains(#"<c r="A2" t="inlineStr"><is><t>=SUM(A1)</t></is></c>"#))
    #expect(text.contains(#"<t>a&lt;b &amp; &quot;c&quot;</t>"#))
    #expect(text.contains(#"<c r="B2"><v>-5</v></c><c r="C2"><v>1.5</v></c>"#))
    // A whole double keeps its '.0' (a reader sees a float); NaN has no Excel number: text.
    #expect(text.contains(#"<c r="C3"><v>2.0</v></c>"#))
    #expect(text.contains(#"<c r="C4" t="inlineStr"><is><t>NaN</t></is></c>"#))
    // NULL: no cell at all.
    #expect(text.contains(#"<row r="4"><c r="B4"><v>0</v></c>"#))
    #expect(text.contains(#"<dimension ref="A1:C4"/>"#))
    // Without a notice: one sheet; with one, a second sheet "Kilde" and a printed header.
    #expect(!text.contains("Kilde"))
    let labelled = String(
      decoding: try WorkbookExporter.workbook(table, sheet: "t", notice: "Illustrative & co", provenance: ["Table: t"]),
      as: UTF8.self)
    #expect(labelled.contains(#"<sheet name="Kilde" sheetId="2" r:id="rId2"/>"#))
    #expect(labelled.contains("<oddHeader>&amp;CIllustrative &amp;&amp; co</oddHeader>"))
    #expect(labelled.contains(#"<c r="A1" t="inlineStr" s="1"><is><t>Illustrative &amp; co</t></is></c>"#))
  }

  @Test func formatBecomesANumberFormat() throws {
    let table = Table([("x", .double(DoubleColumn([1.25]))), ("y", .double(DoubleColumn([2.5])))])
    let text = String(decoding: try WorkbookExporter.workbook(table, sheet: "t", decimals: [1, nil]), as: UTF8.self)
    #expect(text.contains(##"<numFmt numFmtId="164" formatCode="#,##0.0"/>"##))
    #expect(text.contains(#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#))
    // The cell keeps its digits and points at cell format 2; y stays General.
    #expect(text.contains(#"<c r="A2" s="2"><v>1.25</v></c><c r="B2"><v>2.5</v></c>"#))
  }

  @Test func aTableTallerThanASheetIsRefused() {
    let rows = WorkbookExporter.maxRows
    let table = Table([("n", .int64(Int64Column(values: Array(repeating: 1, count: rows), validity: ValidityMask(allValid: rows))))])
    #expect(throws: WorkbookExporter.Problem.tooManyRows(rows)) { try WorkbookExporter.workbook(table, sheet: "t") }
  }
}
