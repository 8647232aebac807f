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

  @Test func folderTargetIsRefusedAndLeftAlone() throws {
    let dir = try TemporaryDirectory()
    let target = dir.path + "/sub"
    #expect(mkdir(target, 0o755) == 0)
    try AtomicFile.write("x", to: target + "/f")
    do {
      try AtomicFile.write("y", to: target)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostic.message == "cannot write \(target): it is a folder, not a regular file")
    }
    #expect(dir.entries() == ["sub"])
    unlink(target + "/f")
    rmdir(target)
  }

  private func mode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode : 0
  }

  // Reliability review D5: a private 0600 file used to come back 0644 (0666 & umask).
  @Test func keepsTheTargetsMode() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/p.csv"
    try AtomicFile.write("secret\n", to: path)
    #expect(chmod(path, 0o600) == 0)
    try AtomicFile.write("new\n", to: path)
    #expect(mode(path) & 0o7777 == 0o600)
    #expect(chmod(path, 0o640) == 0)
    try AtomicFile.write("newer\n", to: path)
    #expect(mode(path) & 0o7777 == 0o640)
    #expect(try TextFile.read(path) == "newer\n")
  }

  // A new file gets 0666 & ~umask, as any program's would.
  @Test func newFileFollowsTheUmask() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/n.csv"
    try AtomicFile.write("x\n", to: path)
    #expect(mode(path) & 0o7777 == 0o666 & ~WriteTarget.processUmask)
  }

  // Reliability review D5: a symlink used to be replaced by a regular file (the real target unchanged).
  @Test func symbolicLinkIsRefusedNamingItsTarget() throws {
    let dir = try TemporaryDirectory()
    try AtomicFile.write("target\n", to: dir.path + "/target.csv")
    #expect(symlink("target.csv", dir.path + "/link.csv") == 0)
    do {
      try AtomicFile.write("y", to: dir.path + "/link.csv")
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostic.message == "cannot write \(dir.path)/link.csv: it is a symbolic link to target.csv")
      #expect(error.diagnostic.hints == ["Trappe does not write through links; save to the file itself, \(dir.path)/target.csv instead"])
    }
    #expect(mode(dir.path + "/link.csv") & S_IFMT == S_IFLNK)
    #expect(try TextFile.read(dir.path + "/target.csv") == "target\n")
    #expect(dir.entries() == ["link.csv", "target.csv"])
  }

  // Reliability review D5/D20: a FIFO (like a device) is refused, not replaced and not opened.
  @Test func fifoIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/pipe"
    #expect(mkfifo(path, 0o600) == 0)
    do {
      try AtomicFile.write("y", to: path)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostic.message == "cannot write \(path): it is a FIFO (named pipe), not a regular file")
    }
    #expect(mode(path) & S_IFMT == S_IFIFO)
  }

  // Reliability review D5: a 0444 file was silently replaced. Refused even for root (mode bits).
  @Test func readOnlyFileIsRefused() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/ro.csv"
    try AtomicFile.write("keep\n", to: path)
    #expect(chmod(path, 0o444) == 0)
    do {
      try AtomicFile.write("y", to: path)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostic.message == "cannot write \(path): it is read-only")
    }
    #expect(try TextFile.read(path) == "keep\n")
    #expect(dir.entries() == ["ro.csv"])
  }

  // Reliability review D4/D18: the temporary file is private, unpredictable, registered while it exists.
  @Test func temporaryFileIsPrivateAndRegistered() throws {
    let dir = try TemporaryDirectory()
    let path = dir.path + "/t.csv"
    let first = try AtomicFileWriter(path: path)
    let second = try AtomicFileWriter(path: path)
    #expect(first.temporary != second.temporary)
    #expect(first.temporary.hasPrefix(dir.path + "/.t.csv.") && first.temporary.hasSuffix(".tmp"))
    #expect(mode(first.temporary) & 0o7777 == 0o600)
    #expect(TemporaryFiles.registeredPaths.contains(first.temporary))
    second.abandon()
    #expect(!TemporaryFiles.registeredPaths.contains(second.temporary))
    try first.commit()
    #expect(!TemporaryFiles.registeredPaths.contains(first.temporary))
    #expect(dir.entries() == ["t.csv"])
  }
}
