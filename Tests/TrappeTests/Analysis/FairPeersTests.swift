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

/// Fair peers: exclusions, stability across base years, variables from other tables and the groups
/// `against kommunegruppe` and a loaded cluster file. Hand-made tables have their arithmetic in
/// comments; the built-in data is checked against the CSV files themselves.
@Suite struct FairPeersTests {
  /// The four municipalities of ``PeersTests/panel`` in 2007, and in 2008 with B and D swapped:
  /// A (0, 0), B (3, 2), C (0, 2), D (1, 0). The z-scores are the same set relabelled, so from A
  /// in 2008: D √(1/2) = 0.7071, C √3 = 1.7321, B √7.5 = 2.7386.
  static let twoYears = Table([
    ("kommunekode", .int64(Int64Column([1, 2, 3, 4, 1, 2, 3, 4]))),
    ("kommune", .string(StringColumn(["A", "B", "C", "D", "A", "B", "C", "D"]))),
    ("aar", .int64(Int64Column([2007, 2007, 2007, 2007, 2008, 2008, 2008, 2008]))),
    ("x", .double(DoubleColumn([0, 1, 0, 3, 0, 3, 0, 1]))),
    ("y", .double(DoubleColumn([0, 0, 2, 2, 0, 2, 2, 0]))),
  ])

  /// Runs `query` in a fresh session and returns the result, or fails with the session's errors.
  func result(_ query: String, after setup: [String] = []) throws -> (table: Table, text: String) {
    let captured = CapturedSession()
    for line in [".width 300"] + setup { #expect(captured.session.run(line) == .success, "\(line)\n\(captured.errors)") }
    _ = captured.take()
    let outcome = captured.session.run(query)
    #expect(outcome == .success, "\(query)\n\(captured.errors)")
    return (try #require(captured.session.results.last), captured.take())
  }

  func strings(_ table: Table, _ name: String) -> [String] {
    table.column(named: name).map(AnalysisValues.strings)?.map { $0 ?? "" } ?? []
  }

  @Test func excludedMunicipalitiesAreNoCandidatesButKeepTheirZScores() throws {
    let finder = try PeerFinder(panel: PeersTests.panel, variables: ["x", "y"])
    // B left out: C and D at the distances of the full standardisation (√3, √7.5).
    let matches = finder.nearest(to: "A", k: 3, excluding: ["B"])
    #expect(matches.map(\.kommune) == ["C", "D"])
    #expect(abs(matches[0].distance - 3.0.squareRoot()) < 1e-12)
    #expect(abs(matches[1].distance - 7.5.squareRoot()) < 1e-12)
  }

  @Test func stabilityComparesEachYearWithTheFirst() throws {
    let op = PeersOperator(
      kommune: "A", mention: SourceRange(6, 7), source: SourceText("peers A k=2 stability"), k: 2,
      variables: ["x", "y"], saveAs: nil, groups: SavedGroups(), stability: true)
    var notes: [String] = []
    let result = try op.run(FairPeersTests.twoYears, notes: &notes)
    // 2007: B, C. 2008: D, C. So C stays (1 of 2), D is new and B dropped.
    #expect(result.column(named: "aar") == .int64(Int64Column([2007, 2008])))
    #expect(result.column(named: "peers") == .int64(Int64Column([2, 2])))
    #expect(result.column(named: "kept") == .int64(Int64Column([2, 1])))
    #expect(result.column(named: "kept_share") == .double(DoubleColumn([1.0, 0.5])))
    #expect(strings(result, "new") == ["", "D"])
    #expect(strings(result, "dropped") == ["", "B"])
    #expect(notes.contains("2007 peers: B, C"))
  }

  @Test func gladsaxeHasNoOtherMethodMunicipalityAsPeer() throws {
    let method = ["Fredensborg", "Slagelse", "Aarhus", "Aabenraa"]
    let (table, text) = try result("peers Gladsaxe")
    let peers = strings(table, "kommune")
    #expect(peers.count == 10)
    #expect(Set(peers).isDisjoint(with: method), "\(peers)")
    #expect(text.contains("excluded from the peers: Fredensborg, Slagelse, Aarhus, Aabenraa"))
    #expect(text.contains("treated units are not comparison units"))
    // Without the exclusion Aabenraa is the tenth (distance 0.4938 for Odsherred, the new tenth, is larger).
    let all = strings(try result("peers Gladsaxe exclude none").table, "kommune")
    #expect(all.last == "Aabenraa")
    #expect(Array(all.prefix(9)) == Array(peers.prefix(9)))
    // bench against peers uses the same peers.
    let bench = try result("bench i_gang for Gladsaxe").text
    #expect(bench.contains("peers of Gladsaxe: \(peers.joined(separator: ", "))"))
  }

  @Test func poorMatchesAreWarnedAbout() throws {
    let text = try result("peers København k=3").text
    #expect(text.contains("warning: poor matches: København's 3 peers"))
    #expect(!(try result("peers Gladsaxe k=3").text.contains("warning")))
    // bench against peers says it too (Aarhus: mean 3.32 over 0.54, check_peers.py).
    #expect(try result("bench i_gang for Aarhus").text.contains("warning: poor matches: Aarhus's 10 peers"))
    #expect(!(try result("bench i_gang for Gladsaxe").text.contains("poor matches")))
  }

  @Test func aVariableFromAnotherTableJoinsByCodeOrName() throws {
    // kh from a let table keyed by name and year equals the derived kh_pct, so the peers agree.
    let setup = ["let andel = kommunepanel | extend kh = 100.0 * kontanthjaelp_jan / befolkning | select kommune, aar, kh"]
    let joined = try result("peers Slagelse k=5 on (befolkning, kh from andel)", after: setup)
    let derived = try result("peers Slagelse k=5 on (befolkning, kh_pct)")
    #expect(strings(joined.table, "kommune") == strings(derived.table, "kommune"))
    #expect(joined.text.contains("kh from andel, joined on kommune and aar"))
  }

  @Test func aMissingOrDoubledValueIsAnErrorAtTheVariable() throws {
    let captured = CapturedSession()
    #expect(captured.session.run("let lille = kommunepanel | where aar == 2007 and kommune != \"Odense\" | select kommunekode, aar, andel = befolkning") == .success)
    _ = captured.take()
    #expect(captured.session.run("peers Slagelse on (befolkning, andel from lille)") != .success)
    let errors = captured.take()
    #expect(errors.contains("Odense has no value of andel in lille in 2007"), "\(errors)")
    #expect(errors.contains("^^^^^"))
    #expect(captured.session.run("let dobbelt = kommunepanel | select kommunekode, andel = befolkning") == .success)
    _ = captured.take()
    #expect(captured.session.run("peers Slagelse on (befolkning, andel from dobbelt)") != .success)
    #expect(captured.take().contains("dobbelt has 16 rows for København; peers needs one value per municipality"))
  }

  /// `against kommunegruppe`: the members are those of the municipality's own group in
  /// Datasets/kommunegrupper.csv, less itself and the method municipalities.
  @Test func kommunegruppeIsTheOwnDSTGroupLessTheMethodMunicipalities() throws {
    let text = try TextFile.read(ProjectRoot.file("Datasets/kommunegrupper.csv"))
    var group: [String: String] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let fields = line.split(separator: ",").map(String.init)
      group[fields[1]] = fields[3]
    }
    #expect(group.count == 98)
    let method: Set = ["Fredensborg", "Gladsaxe", "Slagelse", "Aarhus", "Aabenraa"]
    let output = try result("bench i_gang for Gladsaxe, Aarhus, Odense against kommunegruppe").text
    for name in ["Gladsaxe", "Aarhus", "Odense"] {
      let own = try #require(group[name])
      let others = group.filter { $0.value == own && $0.key != name && !method.contains($0.key) }.keys
      let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("kommunegruppe of \(name): \(own) (") })
      #expect(line.contains("(\(others.count) others: "), "\(line)")
      for other in others { #expect(line.contains(other), "\(other) in \(line)") }
    }
  }

  /// A user's own cluster file: each municipality is compared with the rest of its cluster.
  @Test func aLoadedClusterFileIsTheOwnCluster() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path + "/klynger.csv"
    try AtomicFile.write("kommune,gruppe\nGladsaxe,A\nKøge,A\nHolbæk,A\nAabenraa,A\nSlagelse,B\nNæstved,B\n", to: path)
    let setup = [".load \(path) as klynger"]
    let own = try result("bench i_gang for Gladsaxe, Slagelse against klynger", after: setup)
    #expect(own.text.contains("gruppe of Gladsaxe: A (2 others: Køge, Holbæk)"))
    #expect(own.text.contains("gruppe of Slagelse: B (1 others: Næstved)"))
    // Pooled: the same peer value as the explicit list (Køge, Holbæk).
    let list = try result("bench i_gang for Gladsaxe against (Køge, Holbæk)")
    let a = own.table.column(named: "peer_value").map(AnalysisValues.doubles)?.first ?? nil
    let b = list.table.column(named: "peer_value").map(AnalysisValues.doubles)?.first ?? nil
    #expect(a != nil && a == b)
  }
}
