import Testing
@testable import TrappeBase
import TrappeTestSupport

/// The module cut as Package.swift declares it, checked against what the sources import and what
/// docs/architecture.md describes: a module imports only modules it lists, and those are below it.
@Suite struct LayeringTests {
  /// The `module("Name", ["Dep", ...])` calls of Package.swift, in order.
  static func declaredModules() throws -> [(name: String, dependencies: [String])] {
    let text = Array(try TextFile.read(ProjectRoot.file("Package.swift")))
    let call = Array("module(")
    var modules: [(String, [String])] = []
    var i = 0
    while i + call.count < text.count {
      guard Array(text[i..<i + call.count]) == call else {
        i += 1
        continue
      }
      var j = i + call.count
      while j < text.count, text[j] == " " || text[j] == "\n" { j += 1 }
      guard j < text.count, text[j] == "\"", let open = text[j...].firstIndex(of: "["),
        let close = text[open...].firstIndex(of: "]")
      else {
        i = j
        continue
      }
      let parts = String(text[j..<close]).split(separator: "\"", omittingEmptySubsequences: false)
      let quoted = parts.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
      if let name = quoted.first { modules.append((name, Array(quoted.dropFirst()))) }
      i = close
    }
    return modules
  }

  /// The C shims of Package.swift (`.target(name: "C…")`, `.systemLibrary(name: "C…")`): header-only
  /// glue to C (libedit, processor hints) that uses no Trappe module, so any module may sit on it.
  static func cShims() throws -> Set<String> {
    let text = try TextFile.read(ProjectRoot.file("Package.swift"))
    var shims: Set<String> = []
    for piece in text.split(separator: "name: \"").dropFirst() {
      let name = piece.prefix { $0 != "\"" }
      if name.first == "C", name.dropFirst().first?.isUppercase == true { shims.insert(String(name)) }
    }
    return shims
  }

  /// The Trappe modules `import`ed by the Swift files under `directory`.
  static func imports(under directory: String) -> Set<String> {
    var found: Set<String> = []
    for path in files(under: directory) {
      guard let text = try? TextFile.read(path) else { continue }
      for line in text.split(separator: "\n") where line.hasPrefix("import Trappe") {
        found.insert(String(line.dropFirst("import ".count)))
      }
    }
    return found
  }

  static func files(under directory: String) -> [String] {
    ProjectRoot.files(under: directory, endingIn: ".swift")
  }

  @Test func thereAreAtLeastSixModulesAndEachUsesOnlyModulesBeforeIt() throws {
    let modules = try Self.declaredModules()
    let shims = try Self.cShims()
    #expect(shims == ["CLibEdit", "CTrappeHints"])
    #expect(modules.count >= 6)
    #expect(modules.first?.name == "TrappeBase")
    for (index, module) in modules.enumerated() {
      let below = Set(modules[..<index].map(\.name)).union(shims)
      #expect(Set(module.dependencies).isSubset(of: below), "\(module.name) depends on a module declared after it")
      let imported = Self.imports(under: ProjectRoot.file("Sources/\(module.name)"))
      #expect(
        imported.isSubset(of: Set(module.dependencies)),
        "\(module.name) imports \(imported.subtracting(module.dependencies).sorted()) without declaring them")
    }
  }

  @Test func theArchitectureDocumentDescribesEveryModule() throws {
    let document = try TextFile.read(ProjectRoot.file("docs/architecture.md"))
    for module in try Self.declaredModules() {
      #expect(document.contains("**\(module.name)**"), "docs/architecture.md has no paragraph on \(module.name)")
    }
  }

  @Test func nothingBelowTheShellKnowsASession() throws {
    let modules = try Self.declaredModules()
    for module in modules where module.name != "TrappeShell" && !module.dependencies.contains("TrappeShell") {
      for path in Self.files(under: ProjectRoot.file("Sources/\(module.name)")) {
        let text = try TextFile.read(path)
        #expect(!text.contains("Session"), "\(path) mentions Session")
      }
    }
  }

  /// The engines are reached through a process Trappe spawns itself (posix_spawn in
  /// TrappeEngines), below the shell; nothing in Sources uses Foundation.
  @Test func enginesSitBelowTheShellWithoutFoundation() throws {
    let modules = try Self.declaredModules()
    let engines = try #require(modules.first { $0.name == "TrappeEngines" })
    #expect(Set(engines.dependencies) == ["TrappeBase", "TrappeStorage", "TrappeIO", "TrappeQuery"])
    #expect(modules.first { $0.name == "TrappeShell" }?.dependencies.contains("TrappeEngines") == true)
    for path in ProjectRoot.files(under: ProjectRoot.file("Sources"), endingIn: ".swift") {
      let text = try TextFile.read(path)
      #expect(!text.contains("import Foundation"), "\(path) imports Foundation")
    }
    let spawn = try TextFile.read(ProjectRoot.file("Sources/TrappeEngines/BridgeProcess.swift"))
    #expect(spawn.contains("posix_spawnp("))
  }
}
