import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// Municipality names resolve across the spellings of Statistics Denmark, jobindsats.dk and
/// the municipalities 2007–2024 (review D10).
@Suite struct MunicipalityNamesTests {
  /// The names Statistics Denmark used before the renamings of 2008–2011 (as in the DST-derived
  /// concordance `shared/data/dk_municipality_concordance_pre2007.csv`), with the 2007 codes.
  /// Typed from that file, not from `kommuner`.
  static let dstNames: [(Int64, String)] = [
    (101, "København"), (147, "Frederiksberg"), (151, "Ballerup"), (153, "Brøndby"), (155, "Dragør"), (157, "Gentofte"),
    (159, "Gladsaxe"), (161, "Glostrup"), (163, "Herlev"), (165, "Albertslund"), (167, "Hvidovre"), (169, "Høje-Taastrup"),
    (173, "Lyngby-Tårbæk"), (175, "Rødovre"), (183, "Ishøj"), (185, "Tårnby"), (187, "Vallensbæk"), (190, "Furesø"),
    (201, "Allerød"), (210, "Fredensborg"), (217, "Helsingør"), (219, "Hillerød"), (223, "Hørsholm"), (230, "Rudersdal"),
    (240, "Egedal"), (250, "Frederikssund"), (253, "Greve"), (259, "Køge"), (260, "Frederiksværk-Hundested"),
    (265, "Roskilde"), (269, "Solrød"), (270, "Gribskov"), (306, "Odsherred"), (316, "Holbæk"), (320, "Faxe"),
    (326, "Kalundborg"), (329, "Ringsted"), (330, "Slagelse"), (336, "Stevns"), (340, "Sorø"), (350, "Lejre"),
    (360, "Lolland"), (370, "Næstved"), (376, "Guldborgsund"), (390, "Vordingborg"), (400, "Bornholms Region"),
    (410, "Middelfart"), (420, "Assens"), (430, "Faaborg-Midtfyn"), (440, "Kerteminde"), (450, "Nyborg"),
    (461, "Odense"), (479, "Svendborg"), (480, "Nordfyns"), (482, "Langeland"), (492, "Ærø"), (510, "Haderslev"),
    (530, "Billund"), (540, "Sønderborg"), (550, "Tønder"), (561, "Esbjerg"), (563, "Fanø"), (573, "Varde"),
    (575, "Vejen"), (580, "Aabenraa"), (607, "Fredericia"), (615, "Horsens"), (621, "Kolding"), (630, "Vejle"),
    (657, "Herning"), (661, "Holstebro"), (665, "Lemvig"), (671, "Struer"), (706, "Syddjurs"), (707, "Norddjurs"),
    (710, "Favrskov"), (727, "Odder"), (730, "Randers"), (740, "Silkeborg"), (741, "Samsø"), (746, "Skanderborg"),
    (751, "Århus"), (756, "Ikast-Brande"), (760, "Ringkøbing-Skjern"), (766, "Hedensted"), (773, "Morsø"),
    (779, "Skive"), (787, "Thisted"), (791, "Viborg"), (810, "Brønderslev-Dronninglund"), (813, "Frederikshavn"),
    (820, "Vesthimmerlands"), (825, "Læsø"), (840, "Rebild"), (846, "Mariagerfjord"), (849, "Jammerbugt"),
    (851, "Aalborg"), (860, "Hjørring"),
  ]

  /// Other spellings met in jobindsats.dk, StatBank, isds2023 and the municipalities' own
  /// texts, with the code each means.
  static let otherSpellings: [(String, Int64)] = [
    ("Aarhus", 751), ("Århus Kommune", 751), ("AARHUS", 751), ("Vesthimmerland", 820), ("Vesthimmerlands Kommune", 820),
    ("Høje Taastrup", 169), ("Høje-Tåstrup", 169), ("hoeje taastrup", 169), ("Bornholms Regionskommune", 400),
    ("Bornholm", 400), ("Halsnæs", 260), ("Brønderslev", 810), ("Åbenrå", 580), ("Fåborg-Midtfyn", 430),
    ("Faaborg Midtfyn", 430), ("Lyngby-Taarbæk", 173), ("Lyngby Taarbæk", 173), ("Ringkøbing Skjern", 760),
    ("Ikast Brande", 756), ("Nordfyn", 480), ("Nordfyns Kommune", 480), ("Vallensbæk", 187), ("Københavns", 101),
    ("Københavns Kommune", 101), ("københavn", 101), ("Ærø", 492), ("Aeroe", 492), ("Ålborg", 851), ("0101", 101),
    ("0751", 751),
  ]

  static func directory() throws -> MunicipalityDirectory {
    let table = try CSVReader.read(file: ProjectRoot.datasets + "/kommuner.csv", options: CSVReadOptions()).table
    return MunicipalityDirectory(table)
  }

  @Test func everyNameAliasAndCodeOfAll98ResolvesToOneMunicipality() throws {
    let directory = try Self.directory()
    #expect(directory.names.count == 98)
    #expect(Self.dstNames.count == 98)
    #expect(Set(Self.dstNames.map(\.0)) == Set(directory.codes.values))
    for name in directory.names {
      let code = try #require(directory.codes[name])
      #expect(directory.name(matching: name) == name)
      #expect(directory.name(matching: String(code)) == name)
      #expect(directory.name(matching: name.uppercased()) == name, "\(name) in capitals")
      #expect(directory.name(matching: String(name.map { $0 == "-" ? " " : $0 })) == name, "\(name) with spaces")
    }
    for (code, spelling) in Self.dstNames {
      let resolved = try #require(directory.name(matching: spelling), "\(spelling)")
      #expect(directory.codes[resolved] == code, "\(spelling) resolved to \(resolved)")
    }
    for (spelling, code) in Self.otherSpellings {
      let resolved = try #require(directory.name(matching: spelling), "\(spelling)")
      #expect(directory.codes[resolved] == code, "\(spelling) resolved to \(resolved)")
    }
    // No two municipalities share a key, and no alias points at a key that is not a municipality.
    let keys = directory.names.map(MunicipalityNames.key)
    #expect(Set(keys).count == 98)
    #expect(Set(MunicipalityNames.aliases.values).isSubset(of: Set(keys)))
  }

  @Test func unknownNamesStillFailWithDidYouMean() throws {
    let directory = try Self.directory()
    #expect(directory.name(matching: "Slagelsee") == nil)
    #expect(directory.name(matching: "Hundested") == nil)
    #expect(directory.name(matching: "999") == nil)
    let captured = CapturedSession()
    guard case .failure(let error) = captured.session.run("peers Vesthimerland") else {
      Issue.record("expected a failure")
      return
    }
    #expect(error.message.contains("unknown municipality 'Vesthimerland'"))
    #expect(captured.errors.contains("Vesthimmerlands"))
    // A real subtraction is still not a name.
    let other = CapturedSession()
    guard case .failure(let subtraction) = other.session.run("peers Slagelse - Sorø") else {
      Issue.record("expected a failure")
      return
    }
    #expect(subtraction.message.contains("expected a municipality name or code"))
  }

  @Test func peersAcceptsOldAndJobindsatsSpellings() throws {
    // Each spelling gives exactly the output of the code (751, 820, 169).
    // Hyphenated names work without quotes too (they parse as a subtraction of two names).
    for (text, code) in [
      ("Århus", 751), ("Vesthimmerland", 820), ("\"Høje Taastrup\"", 169), ("Frederiksværk-Hundested", 260),
      ("Ikast-Brande", 756), ("\"Bornholms Regionskommune\"", 400),
    ] {
      let byName = CapturedSession()
      let byCode = CapturedSession()
      guard case .success = byName.session.run("peers \(text) k=3"), case .success = byCode.session.run("peers \(code) k=3")
      else {
        Issue.record("peers \(text) failed: \(byName.errors)")
        continue
      }
      #expect(!byName.standard.isEmpty)
      #expect(byName.standard == byCode.standard, "peers \(text)")
    }
  }

  @Test func loadedDataInAnotherSpellingIsMatched() throws {
    // gap for Aarhus on rows spelled Århus: the same figures as on the original rows.
    let original = CapturedSession()
    let renamed = CapturedSession()
    guard case .success = original.session.run("resultater | where kommune == \"Aarhus\" | gap for Aarhus"),
      case .success = renamed.session.run(
        "resultater | where kommune == \"Aarhus\" | extend kommune = \"Århus\" | gap for Aarhus")
    else {
      Issue.record("gap failed: \(original.errors) \(renamed.errors)")
      return
    }
    // The cells of the result lines, less the municipality's name (its width differs).
    let figures = { (text: String) -> [[String]] in
      text.split(separator: "\n").filter { $0.contains("i_gang") }.map { line in
        line.split(separator: "\u{2502}").map { String($0.filter { $0 != " " }) }.filter { $0 != "Aarhus" && $0 != "Århus" }
      }
    }
    #expect(!figures(original.standard).isEmpty)
    #expect(figures(original.standard) == figures(renamed.standard))
  }
}
