import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AtomicFileTests {
  @Test func replacesTargetAndLeavesNoTemporaryFile() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/out.csv"
    try AtomicFile.write("old\n", to: path)
    try AtomicFile.write("new,æøå\n", to: path)
    #expect(dir.entries() == ["out.csv"])
    let back = try CSVReader.read(file: path, options: CSVReadOptions(hasHeader: false))
    #expect(values(back.table, "column2") == [.string("æøå")])
  }

  @Test func failureNamesPathAndReason() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/missing/out.csv"
    do {
      try AtomicFile.write("x", to: path)
      Issue.record("expected an error")
    } catch {
      #expect(error == FileError(operation: "create", path: path, reason: "No such file or directory"))
      #expect(error.diagnostic.message == "cannot create \(path): No such file or directory")
    }
    #expect(dir.entries() == [])
  }

  @Test func renameOntoDirectoryFailsAndCleansUp() throws {
    let dir = try TemporaryDirectory()
    let target = dir.path + "/sub"
    #expect(mkdir(target, 0o755) == 0)
    try AtomicFile.write("x", to: target + "/f")
    do {
      try AtomicFile.write("y", to: target)
      Issue.record("expected an error")
    } catch {
      #expect(error == FileError(operation: "replace", path: target, reason: "Is a directory"))
    }
    #expect(dir.entries() == ["sub"])
    unlink(target + "/f")
    rmdir(target)
  }
}
