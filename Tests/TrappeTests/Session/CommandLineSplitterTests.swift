import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct CommandLineSplitterTests {
  @Test func splitsWordsAndKeepsColumns() throws {
    let words = try CommandLineSplitter.split(".load  'my file.csv' as t")
    #expect(words.map(\.text) == [".load", "my file.csv", "as", "t"])
    #expect(words.map(\.column) == [1, 8, 22, 25])
    #expect(words[1].length == 13)
  }

  @Test func doubleQuotesTakeEscapes() throws {
    let words = try CommandLineSplitter.split(#".save t "a \"b\".csv""#)
    #expect(words.last?.text == #"a "b".csv"#)
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let words = try CommandLineSplitter.split(".describe æøå x")
    #expect(words.map(\.column) == [1, 11, 15])
  }

  @Test func unterminatedQuoteIsReportedAtTheQuote() {
    #expect(throws: Diagnostic.self) { try CommandLineSplitter.split(".load 'abc") }
    do {
      _ = try CommandLineSplitter.split(".load 'abc")
    } catch {
      #expect(error.location?.column == 7)
      #expect(error.message == "unterminated single quote")
    }
  }
}
