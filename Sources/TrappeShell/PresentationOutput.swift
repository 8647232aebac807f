import TrappeIO

/// A step's printed output taken apart for the screen: the result itself (a table box, a chart,
/// a listing), the footer lines the audience needs, the method notes, and whether the data is
/// generated.
///
/// The footer of a query starts with its result's name (`out3 · source: …`); the line after it
/// with `N = …` is the scope. Both are kept on screen; the method notes under them fill the
/// room that is left, and the illustrative label is pinned at the bottom of the screen instead.
struct PresentationOutput: Equatable {
  /// The result: table box, chart or other output, line by line.
  var body: [String]
  /// The footer lines always shown: the result's name and source, and `N = … · filters: …`.
  var essentials: [String]
  /// The other footer lines: method notes and caveats, in their order.
  var notes: [String]
  /// Whether the output carried the illustrative-data label.
  var illustrative: Bool

  /// Takes `text` apart; `notice` is the illustrative label line.
  init(_ text: String, notice: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last == "" { lines.removeLast() }
    illustrative = lines.contains(notice)
    lines.removeAll { $0 == notice }
    guard let start = lines.lastIndex(where: PresentationOutput.isResultName) else {
      body = lines
      essentials = []
      notes = []
      return
    }
    body = Array(lines[..<start])
    var footer = Array(lines[start...])
    essentials = [footer.removeFirst()]
    if let scope = footer.first, scope.hasPrefix("N = ") { essentials.append(footer.removeFirst()) }
    // What unit a column on screen is in (`short in persons`, `measure … unit "%"`) is no method
    // note: 10,489 person-weeks must not be read as persons (review P1 #3).
    let columns = PresentationOutput.columnNames(in: body)
    essentials += footer.filter { PresentationOutput.isUnitNote($0, columns: columns) }
    notes = footer.filter { !PresentationOutput.isUnitNote($0, columns: columns) }
  }

  /// Whether `note` says which unit a shown column is in: `short in persons (rounded up): …`,
  /// `numerator, denominator and short in person-weeks: …`, or a measure's `unit "%"`.
  static func isUnitNote(_ note: String, columns: [String]) -> Bool {
    if note.hasPrefix("measure "), note.contains(" unit \"") { return columns.contains("value") }
    let words = note.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
    return zip(words, words.dropFirst()).contains { columns.contains($0) && $1 == "in" }
  }

  /// Whether `line` is the first footer line of a query result: `out12` or `out12 · source: …`.
  static func isResultName(_ line: String) -> Bool {
    guard line.hasPrefix("out") else { return false }
    let rest = line.dropFirst(3)
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return false }
    let after = rest.dropFirst(digits.count)
    return after.isEmpty || after.hasPrefix(" · ")
  }

  /// Whether the body is a table box (which can show fewer rows).
  var isTable: Bool { body.contains { $0.hasPrefix("┌") || $0.hasPrefix("+-") } }

  /// The table's row count from its status line (`│ 15 rows  7 columns`, `98 rows (40 shown)`).
  var tableRows: (total: Int, shown: Int)? {
    for line in body.reversed() {
      let text = line.drop { $0 == "│" || $0 == "|" || $0 == " " }
      guard let space = text.firstIndex(of: " ") else { continue }
      let word = text[text.index(after: space)...]
      guard word.hasPrefix("row") else { continue }
      let total = Int(text[..<space].filter(\.isNumber)) ?? 0
      var shown = total
      if let open = word.firstIndex(of: "("), let close = word[open...].firstIndex(of: ")"),
        word[open..<close].hasSuffix(" shown")
      {
        shown = Int(word[open..<close].filter(\.isNumber)) ?? total
      }
      return (total, shown)
    }
    return nil
  }

  /// The column names in the table's header row (for choosing the notes that explain them).
  var columnNames: [String] { PresentationOutput.columnNames(in: body) }

  /// The column names in the header row of the table box in `body`.
  static func columnNames(in body: [String]) -> [String] {
    guard let header = body.dropFirst().first, header.hasPrefix("│") || header.hasPrefix("|") else { return [] }
    return header.split(whereSeparator: { $0 == "│" || $0 == "|" }).map { String($0).trimmed() }.filter { !$0.isEmpty }
  }

  /// The notes to show in `room` lines, in their order: warnings first, then notes that name a
  /// column on screen, then the rest. When some are left out, the last line says how many.
  func notes(fitting room: Int) -> [String] {
    guard room > 0, !notes.isEmpty else { return [] }
    if notes.count <= room { return notes }
    let columns = Set(columnNames)
    func rank(_ note: String) -> Int {
      if note.hasPrefix("warning:") { return 0 }
      let words = note.split { !($0.isLetter || $0.isNumber || $0 == "_") }.map(String.init)
      return words.contains(where: columns.contains) ? 1 : 2
    }
    let chosen = notes.indices.sorted { (rank(notes[$0]), $0) < (rank(notes[$1]), $1) }.prefix(room - 1)
    let kept = chosen.sorted().map { notes[$0] }
    let left = notes.count - kept.count
    return kept + ["… \(left) more \(left == 1 ? "note" : "notes") (press i to read them)"]
  }
}
