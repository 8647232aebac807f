import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeShell

@Suite struct SuggestionTests {
  @Test func findsTheNearestName() {
    #expect(Suggestion.nearest(to: ".tabels", in: [".tables", ".timer", ".describe"]) == ".tables")
    #expect(Suggestion.nearest(to: "persner", in: ["personer", "startet"]) == "personer")
    #expect(Suggestion.nearest(to: "kommnue", in: ["kommune", "region"]) == "kommune")
    #expect(Suggestion.nearest(to: "Område", in: ["område", "år"]) == "område")
  }

  @Test func staysQuietWhenNothingIsClose() {
    #expect(Suggestion.nearest(to: "xyz", in: ["personer", "startet"]) == nil)
    #expect(Suggestion.nearest(to: "a", in: []) == nil)
  }

  @Test func editDistanceCountsTranspositionsOnce() {
    #expect(Suggestion.editDistance(Array("ab"), Array("ba")) == 1)
    #expect(Suggestion.editDistance(Array("kitten"), Array("sitting")) == 3)
    #expect(Suggestion.editDistance(Array(""), Array("abc")) == 3)
  }
}
