import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct CSVReaderErrorTests {
  @Test func raggedRowWithTooManyFields() {
    let error = csvError("a;b;c\n1;2;3\n4;5;6;7\n")
    let expected = CSVError.raggedRow(
      CSVPosition(file: "data.csv", line: 3, column: 7, sourceLine: "4;5;6;7", length: 1),
      fields: 4, expected: 3, delimiter: UInt8(ascii: ";"))
    #expect(error == expected)
    #expect(
      error?.diagnostic.rendered() == """
        data.csv:3:7: error: line 3 has 4 fields, but the header has 3
          3 | 4;5;6;7
            |       ^
        hint: check the delimiter (detected ';') and the quoting on this line

        """)
  }

  @Test func raggedRowWithTooFewFieldsPointsAtLineEnd() {
    let error = csvError("a,b,c\r\n1,2,3\r\næø,5\r\n")
    #expect(
      error
        == .raggedRow(
          CSVPosition(file: "data.csv", line: 3, column: 5, sourceLine: "æø,5", length: 1),
          fields: 2, expected: 3, delimiter: UInt8(ascii: ",")))
  }

  @Test func unterminatedQuotePointsAtOpeningQuote() {
    let error = csvError("id;navn\n101;\"Gladsaxe;12\n102;x\n")
    #expect(
      error
        == .unterminatedQuote(
          CSVPosition(file: "data.csv", line: 2, column: 5, sourceLine: "101;\"Gladsaxe;12", length: 1)))
    #expect(error?.diagnostic.message == "quoted field is never closed")
  }

  @Test func textAfterClosingQuote() {
    let error = csvError("a,b\n\"x\"y,2\n")
    #expect(
      error
        == .textAfterQuote(
          CSVPosition(file: "data.csv", line: 2, column: 4, sourceLine: "\"x\"y,2", length: 1),
          delimiter: UInt8(ascii: ",")))
  }

  @Test func undefinedWindows1252Byte() {
    let bytes: [UInt8] = Array("a\nok\nx".utf8) + [0x81] + [10]
    let auto = csvError(bytes: bytes)
    #expect(
      auto
        == .undecodableByte(
          CSVPosition(file: "data.csv", line: 3, column: 2, sourceLine: "x\u{FFFD}", length: 1),
          byte: 0x81, encoding: .windows1252, autoDetected: true))
    #expect(
      auto?.diagnostic.message
        == "cannot decode byte 0x81: the file is not valid UTF-8, and 0x81 is undefined in Windows-1252")
    let explicit = csvError(bytes: bytes, CSVReadOptions(encoding: .windows1252))
    #expect(explicit?.diagnostic.message == "cannot decode byte 0x81: 0x81 is not valid Windows-1252")
  }

  @Test func invalidUTF8WhenForced() {
    let bytes: [UInt8] = Array("a\n".utf8) + [0xC3, 0xA6, 0xF8] + [10]
    let error = csvError(bytes: bytes, CSVReadOptions(encoding: .utf8))
    #expect(
      error
        == .undecodableByte(
          CSVPosition(file: "data.csv", line: 2, column: 2, sourceLine: "æ\u{FFFD}", length: 1),
          byte: 0xF8, encoding: .utf8, autoDetected: false))
  }

  @Test func unknownOverrideColumnSuggests() {
    let error = csvError("kommune,antal\nx,1\n", CSVReadOptions(typeOverrides: ["komune": .string]))
    #expect(error == .unknownColumn(file: "data.csv", name: "komune", suggestion: "kommune"))
    #expect(error?.diagnostic.hints == ["did you mean 'kommune'?"])
  }

  @Test func unconvertibleOverrideValue() {
    let error = csvError("id,n\n1,5\n2,\"x y\"\n", CSVReadOptions(typeOverrides: ["n": .int64]))
    #expect(
      error
        == .badValue(
          CSVPosition(file: "data.csv", line: 3, column: 3, sourceLine: "2,\"x y\"", length: 5),
          column: "n", value: "x y", type: .int64))
    #expect(error?.diagnostic.message == "cannot read 'x y' as int in column n")
  }

  @Test func periodOverrideRejectsOtherUnits() {
    let error = csvError("p\n2008Q1\n2008-02\n", CSVReadOptions(typeOverrides: ["p": .period]))
    #expect(
      error
        == .badValue(
          CSVPosition(file: "data.csv", line: 3, column: 1, sourceLine: "2008-02", length: 7),
          column: "p", value: "2008-02", type: .period))
  }

  @Test func emptyFile() {
    #expect(csvError("") == .emptyFile(file: "data.csv"))
    #expect(csvError(bytes: [0xEF, 0xBB, 0xBF, 10]) == .emptyFile(file: "data.csv"))
  }

  @Test func interruptCancelsLoad() {
    var text = "a,b\n"
    // Polled every 65,536 records: the second poll, partway through the one pass, stops it.
    for i in 0..<140_000 { text += "\(i),x\n" }
    var polls = 0
    #expect(throws: CSVError.interrupted(file: "data.csv")) {
      try CSVReader.read(bytes: Array(text.utf8), name: "data.csv", options: CSVReadOptions()) {
        polls += 1
        return polls > 1  // let the load start, then stop
      }
    }
    #expect(polls == 2)
  }
}
