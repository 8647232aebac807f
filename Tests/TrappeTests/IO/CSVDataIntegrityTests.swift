import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO

// Reliability review D7, D8 and D19: the CSV loader must not change data silently.
// Expected values are the cells as written in the test's own text.
@Suite struct CSVDataIntegrityTests {
  @Test func oneStrayByteInAUTF8FileIsAnErrorNotWindows1252() throws {
    // 2 rows of UTF-8 "København" (ø = C3 B8), then byte 0xE9 on line 4 after "3,Aarhus " (9 characters).
    var bytes = Array("kode,navn\n1,København\n2,København\n3,Aarhus ".utf8)
    bytes.append(0xE9)
    bytes += Array("\n".utf8)
    guard case .mixedEncoding(let p, let byte) = csvError(bytes: bytes) else {
      Issue.record("expected a mixed-encoding error")
      return
    }
    #expect((p.line, p.column, byte) == (4, 10, 0xE9))
    // encoding=cp1252 still reads it all as Windows-1252 when asked (Ã¸ is what UTF-8 ø is in 1252).
    let forced = try loadCSV(bytes: bytes, CSVReadOptions(encoding: .windows1252))
    #expect(values(forced.table, "navn")[0] == .string("KÃ¸benhavn"))
  }

  @Test func aFileWithoutUTF8LettersIsWindows1252WithANote() throws {
    // K 0xF8 benhavn: ø is 0xF8 in Windows-1252; no byte sequence is UTF-8.
    let bytes: [UInt8] = Array("navn\nK".utf8) + [0xF8] + Array("benhavn\n".utf8)
    let result = try loadCSV(bytes: bytes)
    #expect(result.encoding == .windows1252)
    #expect(values(result.table, "navn") == [.string("København")])
    #expect(result.notes.count == 1)
  }

  @Test func crOnlyLineEndsAreRecords() throws {
    let result = try loadCSV("a,b\r1,2\r3,4\r")
    #expect(result.table.schema.names == ["a", "b"])
    #expect(values(result.table, "a") == [.int64(1), .int64(3)])
    #expect(values(result.table, "b") == [.int64(2), .int64(4)])
    #expect(result.notes.count == 1)
    // CRLF files are unchanged and get no note.
    #expect(try loadCSV("a,b\r\n1,2\r\n").notes.isEmpty)
  }

  @Test func integersBeyondInt64StayExactText() throws {
    let text = "id,v\n12345678901234567890,1\n12345678901234567891,2\n9223372036854775807,3\n9223372036854775808,4\n"
    let result = try loadCSV(text)
    #expect(
      values(result.table, "id") == [
        .string("12345678901234567890"), .string("12345678901234567891"), .string("9223372036854775807"),
        .string("9223372036854775808"),
      ])
    #expect(result.warnings.count == 1)
    #expect(result.warnings.first?.contains("data.csv:2:1") == true)
    // A column of ids that fit (Int64.max and min) stays int, without a warning.
    let fits = try loadCSV("id\n9223372036854775807\n-9223372036854775808\n")
    #expect(values(fits.table, "id") == [.int64(Int64.max), .int64(Int64.min)])
    #expect(fits.warnings.isEmpty)
    // Asked for, they are doubles.
    let asked = try loadCSV(text, CSVReadOptions(typeOverrides: ["id": .double]))
    #expect(asked.table.column(named: "id")?.type == .double)
  }

  @Test func outOfRangeDoublesAreNullOrZeroWithWarnings() throws {
    let result = try loadCSV("n,v\na,1e400\nb,2\nc,-1e999\nd,1e-400\ne,0.0\n")
    #expect(values(result.table, "v") == [.null, .double(2), .null, .double(0), .double(0)])
    #expect(result.warnings.count == 2)
    #expect(result.warnings[0].contains("2 numbers") && result.warnings[0].contains("data.csv:2:3"))
    #expect(result.warnings[1].contains("1 number") && result.warnings[1].contains("data.csv:5:3"))
  }

  @Test func utf16WithAByteOrderMarkIsConverted() throws {
    let text = "kode\tnavn\n1\tKøbenhavn\n2\tÆrø 😀\n"
    for bigEndian in [false, true] {
      var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      for unit in text.utf16 {
        bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
      let result = try loadCSV(bytes: bytes)
      #expect(values(result.table, "navn") == [.string("København"), .string("Ærø 😀")])
      #expect(values(result.table, "kode") == [.int64(1), .int64(2)])
    }
  }

  @Test func binaryFilesAreRefusedByName() {
    let cases: [([UInt8], String)] = [
      ([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], "ZIP"),
      ([0x1F, 0x8B, 8, 0, 0, 0], "gzip"),
      (Array("PAR1".utf8) + [0, 0, 0, 0], "Parquet"),
      (Array("a\0,\0b\0\n\0001\0,\0002\0\n\0".utf8), "UTF-16 LE"),
      ([0xFF, 0xFE, 0, 0, 0x61, 0, 0, 0], "UTF-32"),
    ]
    for (bytes, name) in cases {
      guard case .notText(_, let what, _) = csvError(bytes: bytes) else {
        Issue.record("\(name) was not refused")
        continue
      }
      #expect(what.contains(name))
    }
  }

  @Test func typeOverridesKeepDecimalCommaDetection() throws {
    // Reliability review D19: 1,5 in a ;-file is 1.5 also when the column is declared double.
    let result = try loadCSV("kommune;andel\nAarhus;1,5\nOdense;2,25\n", CSVReadOptions(typeOverrides: ["andel": .double]))
    #expect(values(result.table, "andel") == [.double(1.5), .double(2.25)])
    #expect(result.decimalSeparator == .comma)
  }
}
