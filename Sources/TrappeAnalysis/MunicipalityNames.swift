/// How the spellings of a municipality's name used by Statistics Denmark, jobindsats.dk and
/// the municipalities themselves (2007–2024) are made to meet.
///
/// Two names mean the same municipality when their ``key(_:)`` is equal. The key ignores
/// case, hyphens, spaces and full stops, a trailing "kommune", and writes å, æ, ø as aa, ae,
/// oe (so Århus = Aarhus, Åbenrå = Aabenraa, Høje Taastrup = Høje-Taastrup, Lyngby-Tårbæk =
/// Lyngby-Taarbæk). Names that differ in more than spelling are listed in ``aliases``.
enum MunicipalityNames {
  /// Other names (as keys) and the key of the name in `kommuner` they stand for.
  ///
  /// - Vesthimmerlands, Nordfyns: the official names; jobindsats and DST also write
  ///   Vesthimmerland and Nordfyn.
  /// - Københavns: the genitive in "Københavns Kommune".
  /// - Bornholms Regionskommune, Bornholms Region: the official name; DST and jobindsats
  ///   write Bornholm.
  /// - Frederiksværk-Hundested: the name of 2007, renamed Halsnæs from 1 January 2008.
  /// - Brønderslev-Dronninglund: the name of 2007–2010, renamed Brønderslev in 2011.
  static let aliases: [String: String] = {
    var table: [String: String] = [:]
    let pairs: [(String, String)] = [
      ("Vesthimmerland", "Vesthimmerlands"),
      ("Nordfyn", "Nordfyns"),
      ("Københavns", "København"),
      ("Bornholms Regionskommune", "Bornholm"),
      ("Bornholms Region", "Bornholm"),
      ("Bornholms", "Bornholm"),
      ("Regionskommune Bornholm", "Bornholm"),
      ("Frederiksværk-Hundested", "Halsnæs"),
      ("Brønderslev-Dronninglund", "Brønderslev"),
    ]
    for (alias, name) in pairs { table[spelling(alias)] = spelling(name) }
    return table
  }()

  /// The key two spellings of one municipality share.
  static func key(_ text: String) -> String {
    let spelled = spelling(text)
    return aliases[spelled] ?? spelled
  }

  /// The spelling-insensitive form: lower case, no separators, å/æ/ø as aa/ae/oe, no "kommune".
  static func spelling(_ text: String) -> String {
    var result = ""
    for character in text.lowercased() {
      switch character {
      case "å": result += "aa"
      case "æ": result += "ae"
      case "ø": result += "oe"
      case "-", " ", ".", "\u{2010}", "\u{2013}", "\u{00A0}": continue
      default: result.append(character)
      }
    }
    if result.hasSuffix("kommune"), result.count > "kommune".count { result.removeLast("kommune".count) }
    return result
  }
}
