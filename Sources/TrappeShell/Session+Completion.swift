import TrappeBase
import TrappeQuery
import Glibc

extension Session {
  /// Tab-completion candidates for `line` with the cursor at UTF-8 offset `cursor`.
  ///
  /// Candidates come from the live session: command names from the command
  /// table, table and column names from the catalog, and files from disk.
  package func completions(line: String, cursor: Int) -> CompletionResult {
    let bytes = Array(line.utf8.prefix(max(0, cursor)))
    let before = String(decoding: bytes, as: UTF8.self)
    let trimmed = before.trimmingLeadingWhitespace()
    if trimmed.hasPrefix(".") {
      return completeMetaCommand(before, bytes: bytes)
    }
    if let inString = completeStringValue(before, bytes: bytes) { return inString }
    let start = wordStart(bytes) { byte in
      !(byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "`")
        || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122))
    }
    let word = String(decoding: bytes[start...], as: UTF8.self)
    if let engine, start > 0, bytes[start - 1] == UInt8(ascii: ".") {
      // duckdb.fo⇥: the engine's tables after its prefix.
      let before = wordStart(Array(bytes[..<(start - 1)])) { byte in
        !(byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
          || (byte >= 48 && byte <= 57) || ((byte | 0x20) >= 97 && (byte | 0x20) <= 122))
      }
      let qualifier = String(decoding: bytes[before..<(start - 1)], as: UTF8.self)
      if qualifier == engine.prefix || qualifier.hasPrefix(engine.prefix + ".") {
        let tables = (try? engine.tables()) ?? engine.knownTables
        let rests = tables.filter { $0.hasPrefix(qualifier + ".") }.map { String($0.dropFirst(qualifier.count + 1)) }
        return CompletionResult(start: start, candidates: Session.matching(word, in: rests))
      }
    }
    var previous = start
    while previous > 0, bytes[previous - 1] == UInt8(ascii: " ") || bytes[previous - 1] == UInt8(ascii: "\t") {
      previous -= 1
    }
    if previous == 0 || bytes[previous - 1] == UInt8(ascii: "|") {
      // The start of a statement: tables, analyses, from/let/explain/measure and the
      // dot-commands; after '|': the stages.
      let candidates =
        previous == 0
        ? tableNames + (engine.map { [$0.prefix] } ?? []) + ["from", "let", "explain", "measure"]
          + Session.analysisKeywords
          + (word.isEmpty ? MetaCommand.all.map { "." + $0.name } : [])
        : Session.stageKeywords
      return CompletionResult(start: start, candidates: Session.matching(word, in: candidates))
    }
    let previousWord = Session.wordBefore(bytes, at: previous)
    if ["bench", "gap"].contains(previousWord) {
      // An analysis's measure (gap: its target), e.g. bench i_gang.
      return CompletionResult(start: start, candidates: Session.matching(word, in: measures.names))
    }
    if previousWord == "for" || (previousWord == "," && Session.statementHasFor(before)) {
      // Municipalities after an analysis's for; a name that is not one word gets quotes.
      let matches = Session.matching(word, in: municipalityNames()).map {
        Identifier.quoted($0) == $0 ? $0 : "\"" + $0 + "\""
      }
      if !matches.isEmpty { return CompletionResult(start: start, candidates: matches) }
    }
    // The columns of the pipeline's own table first; everything only when none fits.
    if let own = pipelineColumns(before) {
      let matches = Session.matching(word, in: own.map(Identifier.quoted) + FunctionCatalog.allNames)
      if !matches.isEmpty { return CompletionResult(start: start, candidates: matches) }
    }
    var names = tableNames + FunctionCatalog.allNames + measures.names
    for name in catalog.names {
      for field in catalog[name]?.schema.fields ?? [] {
        names.append(Identifier.quoted(field.name))
      }
    }
    for manifest in datasets.all where !catalog.contains(manifest.name) {
      names += manifest.columns.map { Identifier.quoted($0.name) }
    }
    return CompletionResult(start: start, candidates: Session.matching(word, in: names))
  }

  /// The analyses, which can start a statement (on their default table).
  static let analysisKeywords = ["bench", "gap", "flow", "survival", "decompose", "peers", "expected"]

  /// The words that can follow `|`.
  static let stageKeywords = [
    "where", "select", "extend", "summarize", "sort", "top", "take", "distinct", "count", "join", "union", "pivot",
    "unpivot", "rename", "chart", "bench", "gap", "flow", "survival", "decompose", "peers", "expected",
  ]

  /// Completes the command word or an argument of a meta command.
  private func completeMetaCommand(_ before: String, bytes: [UInt8]) -> CompletionResult {
    let start = wordStart(bytes) { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    let word = String(decoding: bytes[start...], as: UTF8.self)
    let words = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let argumentIndex = words.count - (word.isEmpty ? 0 : 1) - 1
    if argumentIndex < 0 {
      let names = MetaCommand.all.flatMap { [$0.name] + $0.aliases }.map { "." + $0 }
      return CompletionResult(start: start, candidates: Session.matching(word, in: names))
    }
    guard
      let command = try? MetaCommand.lookup(
        CommandWord(text: words[0], column: 1, length: words[0].count), line: before),
      let kind = command.argumentKind(at: argumentIndex)
    else { return CompletionResult(start: start, candidates: []) }
    let candidates: [String]
    switch kind {
    case .table:
      candidates = tableNames + ((try? engine?.tables()) ?? [])
    case .column:
      let tableName = words.count > 1 ? words[1] : ""
      candidates = (catalog[tableName]?.schema.names ?? catalog.names.flatMap { catalog[$0]?.schema.names ?? [] })
    case .command:
      candidates = MetaCommand.all.map(\.name)
    case .keyword(let list):
      candidates = list
    case .file:
      candidates = Session.files(matching: word)
    case .value:
      candidates = []
    }
    return CompletionResult(start: start, candidates: Session.matching(word, in: candidates))
  }

  /// The offset where the word ending at the end of `bytes` starts.
  private func wordStart(_ bytes: [UInt8], isBoundary: (UInt8) -> Bool) -> Int {
    var start = bytes.count
    while start > 0, !isBoundary(bytes[start - 1]) { start -= 1 }
    return start
  }

  /// The candidates that start with `word`: exact case first, else ignoring case.
  static func matching(_ word: String, in candidates: [String]) -> [String] {
    var exact = Set(candidates.filter { $0.hasPrefix(word) })
    if exact.isEmpty {
      let lowered = word.lowercased()
      exact = Set(candidates.filter { $0.lowercased().hasPrefix(lowered) })
    }
    return exact.sorted()
  }

  /// File and directory paths that start with `prefix`; directories end with `/`.
  static func files(matching prefix: String) -> [String] {
    let slash = prefix.lastIndex(of: "/")
    let directoryPart = slash.map { String(prefix[...$0]) } ?? ""
    let base = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
    let directory = directoryPart.isEmpty ? "." : expandHome(directoryPart)
    guard let handle = opendir(directory) else { return [] }
    defer { closedir(handle) }
    var results: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      if name.hasPrefix(".") && !base.hasPrefix(".") { continue }
      guard name.hasPrefix(base) else { continue }
      var info = stat()
      let full = (directory.hasSuffix("/") ? directory : directory + "/") + name
      let isDirectory = stat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
      results.append(directoryPart + name + (isDirectory ? "/" : ""))
    }
    return results.sorted()
  }
}
