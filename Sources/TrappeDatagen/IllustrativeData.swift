import TrappeIO

/// Generates Trappe's illustrative datasets: `resultater`, `jobpakker` and `forloeb`.
///
/// The VIP2 evaluation's own figures are not public, so these three tables are generated:
/// deterministic for a given seed, calibrated to the real datasets in `Datasets/` and to the
/// documented facts in the seeds, and always marked `kind: illustrative`. See
/// `Datasets/README.md` for every calibration target.
package enum IllustrativeData {
  /// The seed of the committed datasets (1 April 2007, the VIP2 start).
  static let seed: UInt64 = 20_070_401

  /// Reads the real CSVs from `datasetsDirectory` and writes the three datasets and their
  /// manifests into `directory`; returns the paths written.
  package static func generate(
    into directory: String, datasetsDirectory: String, spells: Int = 200_000
  ) throws -> [String] {
    let source = try CalibrationSource(directory: datasetsDirectory)
    var written: [String] = []
    let methods = source.methodMunicipalities

    let jobpakker = JobpakkerGenerator(municipalities: methods, seed: seed)
    let counts = jobpakker.counts()
    let cumulative = jobpakker.cumulative(counts)
    let jobCSV = jobpakker.csv(counts)
    try write(jobCSV.text, to: directory + "/jobpakker.csv", &written)
    try write(Manifests.jobpakker(rows: jobCSV.rows, seed: seed), to: directory + "/jobpakker.manifest", &written)

    var byCode: [Int: [Int]] = [:]
    for (i, m) in methods.enumerated() { byCode[m.code] = cumulative[i] }
    let resultater = ResultaterGenerator(municipalities: source.municipalities, jobpakker: byCode, seed: seed)
    let cells = resultater.cells()
    try write(resultater.csv(cells), to: directory + "/resultater.csv", &written)
    try write(
      Manifests.resultater(rows: cells.count, seed: seed, longTermShare: resultater.longTermShare),
      to: directory + "/resultater.manifest", &written)

    let comparables = try ComparableMunicipalities.choose(
      from: source.municipalities, panelFile: datasetsDirectory + "/kommunepanel.csv")
    let extract = (methods + comparables).sorted { $0.code < $1.code }
    let forloeb = ForloebGenerator(municipalities: extract, spells: max(1, spells), seed: seed)
    let path = directory + "/forloeb.csv"
    let writer = try AtomicStreamWriter(path: path)
    let rows = try forloeb.write(to: writer)
    try writer.commit()
    written.append(path)
    let names = comparables.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
    try write(
      Manifests.forloeb(rows: rows, seed: seed, comparables: names),
      to: directory + "/forloeb.manifest", &written)
    return written
  }

  private static func write(_ text: String, to path: String, _ written: inout [String]) throws {
    try AtomicFile.write(text, to: path)
    written.append(path)
  }
}
