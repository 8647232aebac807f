import TrappeStorage
import TrappeIO
import TrappeAnalysis

/// Chooses comparable municipalities ("sammenligningskommuner") for the method municipalities.
///
/// The same definition as `peers` and `bench … against peers` (``PeerFinder``): z-scores of
/// befolkning, ledighed_pct and kh_pct over all 98 municipalities in the earliest year of
/// `kommunepanel` (2007), Euclidean distance, the method municipalities excluded as
/// candidates (treated units are not comparison units). The comparables are the union of the
/// three nearest of each method municipality, i.e. what `peers KOMMUNE k=3` lists for each.
enum ComparableMunicipalities {
  /// How many nearest municipalities each method municipality contributes.
  static let perMethodMunicipality = 3

  /// The definition, for the manifest.
  static let definition =
    "the union of the 3 nearest of each method municipality by peers's default definition "
    + "(Euclidean distance of z-scores of befolkning, ledighed_pct and kh_pct over all 98 municipalities in 2007, "
    + "kommunepanel), the method municipalities excluded as treated units: what peers KOMMUNE k=3 lists"

  /// The chosen comparables, sorted by code, from the panel `Datasets/kommunepanel.csv`.
  static func choose(from all: [GeneratorMunicipality], panelFile: String) throws -> [GeneratorMunicipality] {
    let options = CSVReadOptions(delimiter: 44, encoding: .utf8, decimalSeparator: .point)
    let panel = try CSVReader.read(file: panelFile, options: options).table
    return try choose(from: all, panel: panel)
  }

  /// The chosen comparables, sorted by code.
  static func choose(from all: [GeneratorMunicipality], panel: Table) throws -> [GeneratorMunicipality] {
    let finder = try PeerFinder(panel: panel, variables: PeerFinder.defaultVariables)
    let method = all.filter(\.isMethod)
    let excluded = Set(method.map(\.name))
    var codes: Set<Int> = []
    for m in method {
      let nearest = finder.nearest(to: m.name, k: perMethodMunicipality, excluding: excluded)
      guard nearest.count == perMethodMunicipality else {
        throw GeneratorError.unexpectedSource("kommunepanel.csv has no \(perMethodMunicipality) peers for \(m.name)")
      }
      for match in nearest {
        guard let code = match.kommunekode else {
          throw GeneratorError.unexpectedSource("kommunepanel.csv lacks the code of \(match.kommune)")
        }
        codes.insert(Int(code))
      }
    }
    return all.filter { codes.contains($0.code) }.sorted { $0.code < $1.code }
  }
}
