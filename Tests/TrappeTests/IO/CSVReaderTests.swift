import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct CSVReaderTests {
  @Test func sniffsComma() throws {
    let result = try loadCSV("a,b\n1,x\n2,y\n")
    #expect(result.delimiter == UInt8(ascii: ","))
    #expect(result.table.schema.names == ["a", "b"])
    #expect(values(result.table, "a") == [.int64(1), .int64(2)])
    #expect(values(result.table, "b") == [.string("x"), .string("y")])
    #expect(result.rowCount == 2)
  }

  @Test func sniffsSemicolonDespiteCommasInValues() throws {
    let result = try loadCSV("kommune;ledighed\nAarhus;4,5\nOdense;3,25\n")
    #expect(result.delimiter == UInt8(ascii: ";"))
    #expect(result.decimalSeparator == .comma)
    #expect(values(result.table, "ledighed") == [.double(4.5), .double(3.25)])
  }

  @Test func sniffsTab() throws {
    let result = try loadCSV("a\tb\tc\n1\t2\t3\n")
    #expect(result.delimiter == 9)
    #expect(result.table.schema.names == ["a", "b", "c"])
    #expect(values(result.table, "c") == [.int64(3)])
  }

  @Test func sniffingIgnoresDelimitersInsideQuotes() throws {
    let result = try loadCSV("\"a;b;c\",d\n\"1;2;3\",4\n\"5;6\",7\n")
    #expect(result.delimiter == UInt8(ascii: ","))
    #expect(values(result.table, "a;b;c") == [.string("1;2;3"), .string("5;6")])
  }

  @Test func quotedFieldsWithDelimiterNewlineAndEscapedQuote() throws {
    let text = "id,text\r\n1,\"a,b\"\r\n2,\"line1\nline2\"\r\n3,\"say \"\"hi\"\"\"\r\n"
    let result = try loadCSV(text)
    #expect(values(result.table, "text") == [.string("a,b"), .string("line1\nline2"), .string("say \"hi\"")])
    #expect(values(result.table, "id") == [.int64(1), .int64(2), .int64(3)])
  }

  @Test func explicitPipeDelimiterAndLoneCarriageReturn() throws {
    let result = try loadCSV("a|b\r\nx\ry|1\r\nz|2", CSVReadOptions(delimiter: UInt8(ascii: "|")))
    #expect(values(result.table, "a") == [.string("x\ry"), .string("z")])
    #expect(values(result.table, "b") == [.int64(1), .int64(2)])
    let comma = try loadCSV("a,b\nx\ry,1\n")
    #expect(values(comma.table, "a") == [.string("x\ry")])
  }

  @Test func noTrailingNewlineAndTrailingEmptyField() throws {
    let result = try loadCSV("a,b\n1,2\n3,")
    #expect(values(result.table, "b") == [.int64(2), .null])
  }

  @Test func byteOrderMarkIsStripped() throws {
    let result = try loadCSV(bytes: [0xEF, 0xBB, 0xBF] + Array("navn,n\nx,1\n".utf8))
    #expect(result.table.schema.names == ["navn", "n"])
    #expect(result.encoding == .utf8)
  }

  @Test func latin1BytesAreDecoded() throws {
    // "by;n\nÆrø;1\n" with æøå in Latin-1: Æ = 0xC6, ø = 0xF8; plus a row "æøå".
    let bytes: [UInt8] =
      Array("by;n\n".utf8) + [0xC6, 0x72, 0xF8] + Array(";1\n".utf8)
      + [0xE6, 0xF8, 0xE5] + Array(";2\n".utf8)
    let result = try loadCSV(bytes: bytes)
    #expect(result.encoding == .windows1252)
    #expect(values(result.table, "by") == [.string("Ærø"), .string("æøå")])
    let explicit = try loadCSV(bytes: bytes, CSVReadOptions(encoding: .latin1))
    #expect(explicit.encoding == .latin1)
    #expect(values(explicit.table, "by") == [.string("Ærø"), .string("æøå")])
  }

  @Test func windows1252EuroSign() throws {
    let bytes: [UInt8] = Array("v\n".utf8) + [0x80, 0x35] + [10]
    let result = try loadCSV(bytes: bytes, CSVReadOptions(encoding: .windows1252))
    #expect(values(result.table, "v") == [.string("€5")])
  }

  @Test func danishDecimalCommaWithThousands() throws {
    let result = try loadCSV("beløb;antal\n1.234,5;1.234\n-12,25;7\n1.234.567,89;..\n")
    #expect(result.decimalSeparator == .comma)
    #expect(values(result.table, "beløb") == [.double(1234.5), .double(-12.25), .double(1_234_567.89)])
    #expect(values(result.table, "antal") == [.int64(1234), .int64(7), .null])
  }

  @Test func pointModeRejectsThousandsCommas() throws {
    let result = try loadCSV("a;b\n\"1,234.5\";1.5\n")
    #expect(result.decimalSeparator == .point)
    #expect(values(result.table, "a") == [.string("1,234.5")])
    #expect(values(result.table, "b") == [.double(1.5)])
  }

  @Test func commaDelimitedFilesNeverUseDecimalComma() throws {
    let result = try loadCSV("a,b\n\"12,5\",1.5\n")
    #expect(result.decimalSeparator == .point)
    #expect(values(result.table, "a") == [.string("12,5")])
  }

  @Test func emptyCellsAndDotsAreNull() throws {
    let result = try loadCSV("a;b;c\n1;;x\n..;2,5;\n3;1;..\n")
    #expect(values(result.table, "a") == [.int64(1), .null, .int64(3)])
    #expect(values(result.table, "b") == [.null, .double(2.5), .double(1)])
    #expect(values(result.table, "c") == [.string("x"), .null, .null])
    #expect(result.table.column(named: "a")?.type == .int64)
  }

  @Test func customNullTokens() throws {
    let result = try loadCSV("a,b\nNA,1\n2,NA\n", CSVReadOptions(nullTokens: ["NA"]))
    #expect(values(result.table, "a") == [.null, .int64(2)])
    let defaults = try loadCSV("a,b\nNA,1\n2,NA\n")
    #expect(defaults.table.column(named: "a")?.type == .string)
  }

  @Test func inferenceOrderPerColumn() throws {
    let text = "i,d,p,s,n\n1,1,2008K3,2008K3,\n-2,2.5,2008Q4,7,\n9223372036854775807,1e3,2009k1,x,\n"
    let table = try loadCSV(text).table
    #expect(table.schema.fields.map(\.type) == [.int64, .double, .period, .string, .string])
    #expect(
      values(table, "p") == [
        .period(.quarter(2008, 3)), .period(.quarter(2008, 4)), .period(.quarter(2009, 1)),
      ])
    #expect(values(table, "d") == [.double(1), .double(2.5), .double(1000)])
    #expect(values(table, "i")[2] == .int64(Int64.max))
    #expect(values(table, "n") == [.null, .null, .null])
  }

  @Test func explicitDecimalSeparators() throws {
    let comma = try loadCSV("a,b\n\"1,5\",\"1.000\"\n", CSVReadOptions(decimalSeparator: .comma))
    #expect(values(comma.table, "a") == [.double(1.5)])
    #expect(values(comma.table, "b") == [.int64(1000)])
    let point = try loadCSV("a;b\n1,5;1.000\n", CSVReadOptions(decimalSeparator: .point))
    #expect(values(point.table, "a") == [.string("1,5")])
    #expect(values(point.table, "b") == [.double(1)])
  }

  @Test func longNumbersUseTheSlowPath() throws {
    let table = try loadCSV("a\n0.12345678901234567890123\n1e300\n").table
    #expect(values(table, "a") == [.double(0.12345678901234567890123), .double(1e300)])
  }

  @Test func intOverflowKeepsTheDigitsAsText() throws {
    // Int64.max + 1 does not fit 64 bits; as a double it would be 2^63 and lose its last digit.
    let result = try loadCSV("a\n9223372036854775808\n1\n")
    #expect(values(result.table, "a") == [.string("9223372036854775808"), .string("1")])
    #expect(result.warnings.count == 1)
  }

  @Test func mixedPeriodUnitsStayStrings() throws {
    let table = try loadCSV("p\n2008Q1\n2008-03\n").table
    #expect(table.column(named: "p")?.type == .string)
  }

  @Test func yearsAreIntegersAndMonthsArePeriods() throws {
    let table = try loadCSV("y,m\n2008,2008-01\n2009,2008M12\n").table
    #expect(values(table, "y") == [.int64(2008), .int64(2009)])
    #expect(values(table, "m") == [.period(.month(2008, 1)), .period(.month(2008, 12))])
  }

  @Test func typeOverrides() throws {
    let options = CSVReadOptions(typeOverrides: ["kode": .string, "aktiv": .bool, "n": .double, "y": .period])
    let table = try loadCSV("kode,aktiv,n,y\n0101,ja,3,2008\n0202,No,,2009\n", options).table
    #expect(values(table, "kode") == [.string("0101"), .string("0202")])
    #expect(values(table, "aktiv") == [.bool(true), .bool(false)])
    #expect(values(table, "n") == [.double(3), .null])
    #expect(values(table, "y") == [.period(.year(2008)), .period(.year(2009))])
  }

  @Test func headerlessAndDuplicateNames() throws {
    let headerless = try loadCSV("1,a\n2,b\n", CSVReadOptions(hasHeader: false))
    #expect(headerless.table.schema.names == ["column1", "column2"])
    #expect(headerless.rowCount == 2)
    let duplicates = try loadCSV("x,x,,x\n1,2,3,4\n")
    #expect(duplicates.table.schema.names == ["x", "x_2", "column3", "x_3"])
  }

  @Test func headerOnlyGivesEmptyStringColumns() throws {
    let result = try loadCSV("a,b\n")
    #expect(result.rowCount == 0)
    #expect(result.table.schema.fields.map(\.type) == [.string, .string])
  }

  @Test func blankLinesAreSkipped() throws {
    let result = try loadCSV("a,b\n\n1,2\r\n\r\n3,4\n\n")
    #expect(values(result.table, "a") == [.int64(1), .int64(3)])
  }

  @Test func stringDictionaryIsShared() throws {
    let table = try loadCSV("k,n\nA,1\nB,2\nA,3\nB,4\nC,5\n").table
    guard case .string(let column)? = table.column(named: "k") else {
      Issue.record("k is not a string column")
      return
    }
    #expect(column.dictionary == ["A", "B", "C"])
    #expect(column.widenedCodes() == [0, 1, 0, 1, 2])
  }

  @Test func readsFromFile() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/ledige.csv"
    try AtomicFile.write("kommune;antal\nAarhus;12\nOdense;7\n", to: path)
    let result = try CSVReader.read(file: path, options: CSVReadOptions())
    #expect(values(result.table, "antal") == [.int64(12), .int64(7)])
    #expect(result.delimiter == UInt8(ascii: ";"))
  }

  @Test func missingFileNamesTheReason() {
    do {
      _ = try CSVReader.read(file: "/nonexistent/x.csv", options: CSVReadOptions())
      Issue.record("expected an error")
    } catch {
      #expect(error == .cannotOpen(file: "/nonexistent/x.csv", reason: "No such file or directory"))
      #expect(error.diagnostic.message == "cannot open /nonexistent/x.csv: No such file or directory")
    }
  }
}
