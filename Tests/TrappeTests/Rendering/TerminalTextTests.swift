import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Test func truncationCountsDisplayColumns() {
  #expect(TerminalText.truncate("Frederiksberg", to: 10) == "Frederiks…")
  #expect(TerminalText.truncate("日本語テキスト", to: 6) == "日本…")
  #expect(TerminalText.truncate("short", to: 5) == "short")
  #expect(TerminalText.truncate("abc", to: 1) == "…")
}

@Test func wrappingBreaksAtSpacesAndInsideLongWords() {
  #expect(TerminalText.wrap("Source: Danmarks Statistik, table BY1", width: 20)
    == ["Source: Danmarks", "Statistik, table BY1"])
  #expect(TerminalText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  #expect(TerminalText.wrapSegments(["98 rows (40 shown)", "12 columns (7 shown)"], width: 40)
    == ["98 rows (40 shown)  12 columns (7 shown)"])
  #expect(TerminalText.wrapSegments(["98 rows (40 shown)", "12 columns (7 shown)"], width: 30)
    == ["98 rows (40 shown)", "12 columns (7 shown)"])
}
