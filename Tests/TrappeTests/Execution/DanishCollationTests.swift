import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeShell

@Suite struct DanishCollationTests {
  @Test func danishLettersFollowZ() {
    let words = ["å", "z", "æ", "a", "Ø", "B", "ø"]
    let ranks = DanishCollation.rank(of: words)
    let sorted = zip(words, ranks).sorted { $0.1 < $1.1 }.map(\.0)
    #expect(sorted == ["a", "B", "z", "æ", "Ø", "ø", "å"])
  }

  @Test func variantsAndDigits() {
    let words = ["Åbenrå", "Aalborg", "Ärø", "Zealand", "2. sal", "Öster", "åben", "Ærø", "aalborg"]
    let ranks = DanishCollation.rank(of: words)
    let sorted = zip(words, ranks).sorted { $0.1 < $1.1 }.map(\.0)
    #expect(sorted == ["2. sal", "Aalborg", "aalborg", "Zealand", "Ärø", "Ærø", "Öster", "åben", "Åbenrå"])
  }

  @Test func equalStringsShareRank() {
    #expect(DanishCollation.rank(of: ["b", "a", "b"]) == [1, 0, 1])
    #expect(DanishCollation.compare("A\u{30A}", "Å") == -1 || DanishCollation.compare("A\u{30A}", "Å") == 1)
    #expect(DanishCollation.areInIncreasingOrder("z", "A\u{30A}"))
  }
}
