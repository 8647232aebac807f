import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
@testable import TrappeDatagen
import TrappeTestSupport

/// Regenerates the illustrative datasets and compares them byte for byte with the committed ones.
@Suite struct RegenerationTests {
  @Test func generatorReproducesCommittedFiles() throws {
    let dir = try TemporaryDirectory()
    let written = try IllustrativeData.generate(into: dir.path, datasetsDirectory: ProjectRoot.datasets)
    let names = [
      "jobpakker.csv", "jobpakker.manifest", "resultater.csv", "resultater.manifest",
      "forloeb.csv", "forloeb.manifest",
    ]
    #expect(written.map { String($0.split(separator: "/").last ?? "") } == names)
    #expect(dir.entries() == names.sorted())
    for name in names {
      let fresh = GeneratedDataset.bytes(dir.path + "/" + name)
      let committed = GeneratedDataset.bytes(ProjectRoot.datasets + "/" + name)
      #expect(fresh != nil && committed != nil, "\(name) unreadable")
      #expect(fresh == committed, "\(name) differs from the committed file; run Scripts/generate-datasets")
    }
  }

  @Test func smallRunStaysComplete() throws {
    let dir = try TemporaryDirectory()
    _ = try IllustrativeData.generate(into: dir.path, datasetsDirectory: ProjectRoot.datasets, spells: 500)
    let result = try CSVReader.read(file: dir.path + "/forloeb.csv", options: CSVReadOptions())
    #expect(result.rowCount > 300 && result.rowCount < 800)
    let manifest = GeneratedDataset.bytes(dir.path + "/forloeb.manifest") ?? []
    #expect(String(decoding: manifest, as: UTF8.self).contains("rows: \(result.rowCount)\n"))
  }
}
