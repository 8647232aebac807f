import TrappeBase
import TrappeStorage
import TrappeQuery

extension Session {
  /// Completion inside an open string: the values of the column it is compared with
  /// (`where kommune == "Sla` → `"Slagelse"`), or municipality names when no column is
  /// named (`bench i_gang for "Høj`). Nil when the cursor is not in a string.
  func completeStringValue(_ before: String, bytes: [UInt8]) -> CompletionResult? {
    var quote: UInt8?
    var quoteAt = 0
    for (offset, byte) in bytes.enumerated() {
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
        quoteAt = offset
      }
    }
    guard let quote else { return nil }
    let start = quoteAt + 1
    let typed = String(decoding: bytes[start...], as: UTF8.self)
    let head = String(decoding: bytes[..<quoteAt], as: UTF8.self)
    var values: [String] = []
    if let column = Session.comparedColumn(head), let table = pipelineTable(head) {
      values = Session.distinctStrings(of: table.column(named: column))
    }
    if values.isEmpty { values = municipalityNames() }
    let close = String(decoding: [quote], as: UTF8.self)
    let matches = Session.matching(typed, in: values).map { $0 + close }
    return CompletionResult(start: start, candidates: matches)
  }

  /// The column in `COLUMN ==` (or `!=`, `in (`) just before an open quote.
  static func comparedColumn(_ head: String) -> String? {
    var text = Substring(head)
    while text.last?.isWhitespace == true { text = text.dropLast() }
    for op in ["==", "!=", "in (", "in(", ","] where text.hasSuffix(op) {
      text = text.dropLast(op.count)
      if op == "," {
        // inside in (...): find the column before "in ("
        guard let open = text.lastIndex(of: "(") else { return nil }
        text = text[..<open]
        while text.last?.isWhitespace == true { text = text.dropLast() }
        guard text.hasSuffix(" in") else { return nil }
        text = text.dropLast(3)
      }
      while text.last?.isWhitespace == true { text = text.dropLast() }
      let name = text.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
      return name.isEmpty ? nil : String(name.reversed())
    }
    return nil
  }

  /// The table a statement's pipeline starts from (after `from`, `let NAME =`, `explain`), if it names one.
  func pipelineTable(_ before: String) -> Table? {
    guard let name = pipelineSource(before), catalog.contains(name) || datasets.manifest(name) != nil
      || name == "_" || Catalog.resultNumber(name) != nil
    else { return nil }
    return try? table(resolving: name)
  }

  /// The columns of the table a statement's pipeline starts from, without loading it.
  func pipelineColumns(_ before: String) -> [String]? {
    guard let name = pipelineSource(before) else { return nil }
    if let entry = catalog.entry(name) { return entry.table.schema.names }
    if let engine, engine.claims(name), let table = try? engine.table(name, datasets: datasets) {
      return table.schema.names
    }
    return datasets.manifest(name)?.columns.map(\.name)
  }

  /// The first table name of the statement in `before`.
  func pipelineSource(_ before: String) -> String? {
    var words = before.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    guard !words.isEmpty else { return nil }
    if words.first?.lowercased() == "explain" { words.removeFirst() }
    if words.first?.lowercased() == "sql" { words.removeFirst() }
    if words.first?.lowercased() == "let", words.count >= 3, words[2] == "=" { words.removeFirst(3) }
    if words.first?.lowercased() == "from" { words.removeFirst() }
    guard let first = words.first, words.count > 1 || before.hasSuffix(" ") else { return nil }
    return first
  }

  /// Up to 5,000 distinct strings of a string column, from its first 500,000 rows.
  static func distinctStrings(of column: Column?) -> [String] {
    guard let column, column.type == DataType.string else { return [] }
    var values = Set<String>()
    for row in 0..<min(column.count, 500_000) where values.count < 5_000 {
      if case .string(let text) = column.value(at: row) { values.insert(text) }
    }
    return Array(values)
  }

  /// The 98 municipalities' names, from the `kommuner` dataset (loaded on first use).
  func municipalityNames() -> [String] {
    guard let table = try? table(resolving: "kommuner") else { return [] }
    return Session.distinctStrings(of: table.column(named: "kommune"))
  }

  /// The word (or single punctuation) that ends just before byte offset `end`, lower-cased.
  static func wordBefore(_ bytes: [UInt8], at end: Int) -> String {
    var lower = end
    while lower > 0, bytes[lower - 1] >= 0x80 || bytes[lower - 1] == UInt8(ascii: "_")
      || (bytes[lower - 1] | 0x20 >= 97 && bytes[lower - 1] | 0x20 <= 122) || (bytes[lower - 1] >= 48 && bytes[lower - 1] <= 57)
    {
      lower -= 1
    }
    if lower == end, end > 0 { lower = end - 1 }
    return String(decoding: bytes[lower..<end], as: UTF8.self).lowercased()
  }

  /// Whether the current stage of `before` has a `for` (so a `,` continues a list of municipalities).
  static func statementHasFor(_ before: String) -> Bool {
    let stage = before.split(separator: "|").last ?? Substring(before)
    return stage.split(whereSeparator: { $0.isWhitespace }).contains("for")
  }
}
