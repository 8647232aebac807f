import Glibc
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

@Suite struct DatasetRegistryTests {
  @Test func aLoadedDatasetIsCachedAndReadBackIdentical() throws {
    let temporary = try TemporaryDirectory()
    let directory = temporary.path
    let cache = DatasetCache(directory: directory)
    let datasets = ProjectRoot.datasets
    let first = try #require(try DatasetRegistry(directories: [datasets], cache: cache).load("befolkning"))
    #expect(Directory.entries(directory).contains { $0.hasPrefix("befolkning") })
    let second = try #require(try DatasetRegistry(directories: [datasets], cache: cache).load("befolkning"))
    #expect(second.rowCount == first.rowCount)
    #expect(second.schema == first.schema)
    #expect(second.columns.map { $0.value(at: 100) } == first.columns.map { $0.value(at: 100) })
  }

  @Test func unknownDatasetsAreNil() throws {
    let registry = DatasetRegistry(directories: [ProjectRoot.datasets])
    #expect(try registry.load("nosuch") == nil)
    #expect(registry.manifest("nosuch") == nil)
  }

  @Test func aBrokenManifestIsReportedNotFatal() throws {
    let temporary = try TemporaryDirectory()
    let directory = temporary.path
    try AtomicFile.write("name: x\nkind: maybe\n", to: directory + "/x.manifest")
    try AtomicFile.write("a\n1\n", to: directory + "/x.csv")
    let registry = DatasetRegistry(directories: [directory])
    #expect(registry.names.isEmpty)
    #expect(registry.problems.first?.message == "unknown kind 'maybe'")
    #expect(registry.problems.first?.location?.line == 2)
  }
}
