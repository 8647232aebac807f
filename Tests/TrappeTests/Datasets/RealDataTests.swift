import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// Checks facts of the real datasets through the query language, as an evaluator would.
@Suite struct RealDataTests {
  /// Runs `query` in a session with the built-in datasets and returns the result table.
  func result(_ query: String) throws -> Table {
    let captured = CapturedSession()
    let outcome = captured.session.run(query)
    #expect(outcome == .success, "\(query)\n\(captured.errors)")
    return try #require(captured.session.results.last)
  }

  func int(_ table: Table, _ column: String, row: Int = 0) -> Int64? {
    guard case .int64(let c)? = table.column(named: column), row < c.count else { return nil }
    return c[row]
  }

  @Test func municipalitiesSumToTheCountryMinusChristiansoeEveryYear() throws {
    let table = try result(
      """
      befolkning
      | summarize kommuner = sum(if(niveau == "kommune", befolkning, 0)), land = sum(if(niveau == "land", befolkning, 0)), christiansoe = sum(if(omraadekode == 411, befolkning, 0)), n = count_distinct(if(niveau == "kommune", omraadekode, null)) by aar
      | extend forskel = land - christiansoe - kommuner
      """)
    #expect(table.rowCount == 19)  // 2005–2023
    for row in 0..<table.rowCount {
      #expect(int(table, "forskel", row: row) == 0, "year row \(row)")
      #expect(int(table, "n", row: row) == 98)
      #expect((int(table, "christiansoe", row: row) ?? 0) > 0)
    }
  }

  @Test func slagelseHad77457InhabitantsOnFirstJanuary2008() throws {
    let table = try result("befolkning | where omraadekode == 330 and aar == 2008 | select befolkning")
    #expect(int(table, "befolkning") == 77_457)
  }

  @Test func gladsaxeHad1846KontanthjaelpRecipientsInJanuary2007() throws {
    let table = try result("kontanthjaelp | where omraade == \"Gladsaxe\" and aar == 2007 | select modtagere_januar")
    #expect(int(table, "modtagere_januar") == 1_846)
  }

  @Test func kontanthjaelpMunicipalitiesSumToTheRegions() throws {
    let table = try result(
      """
      kontanthjaelp
      | summarize kommuner = sum(if(niveau == "kommune", modtagere_januar, 0)), regioner = sum(if(niveau == "region", modtagere_januar, 0)) by aar
      | where kommuner != regioner
      | count
      """)
    #expect(int(table, "count") == 0)
  }

  @Test func kontanthjaelpHoldsOnlyTheJanuaryStockMeasure() throws {
    // The 1994–2006 "persons affected during the year" series must not be spliced in.
    let table = try result("kontanthjaelp | summarize fra = min(aar), til = max(aar)")
    #expect(int(table, "fra") == 2007)
    #expect(int(table, "til") == 2022)
  }

  @Test func theFiveMethodMunicipalities() throws {
    let table = try result("kommuner | where vip2 | sort by kommunekode | select kommunekode")
    guard case .int64(let codes)? = table.column(named: "kommunekode") else {
      Issue.record("no codes")
      return
    }
    #expect(codes.widenedValues() == [159, 210, 330, 580, 751])
  }

  @Test func everyManifestMatchesItsFile() throws {
    let registry = DatasetRegistry(directories: [ProjectRoot.datasets])
    #expect(registry.problems.isEmpty, "\(registry.problems.map { $0.rendered() })")
    #expect(registry.names.count >= 9)
    for name in registry.names {
      let table = try #require(try registry.load(name))
      #expect(table.rowCount == registry.manifest(name)?.rows)
    }
  }
}
