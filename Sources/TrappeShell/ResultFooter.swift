import TrappeIO

/// What the lines under a result say, kept as a value so the shell, `--present`, records,
/// reports and exports all word it the same way and each shows it in its ``FooterStyle``.
struct ResultFooter: Sendable, Equatable {
  /// The result's name (`out3`).
  var name: String
  /// The names of the tables it read (`resultater`).
  var sourceNames: [String]
  /// Where its data came from, one line per input (a dataset's citation, a file, a chain).
  var sources: [String]
  /// N and the filters: `N = 4410 rows summarized · filters: runde == 5`.
  var scope: String
  /// The same, short for the one-line footer: `N = 4410 · where runde == 5`.
  var shortScope: String
  /// The lines `.suppress` adds for this table (cells hidden, secondary suppression).
  var suppression: [String]
  /// The analyses' notes on method, N and caveats, as they came (``.notes`` prints these).
  var notes: [String]
  /// The notes a footer shows: definitions of columns the result no longer has left out,
  /// and one line for the peers of several municipalities.
  var shownNotes: [String]
  /// The notes a record or report shows: as ``shownNotes`` but every municipality's peers listed.
  var reportNotes: [String]
  /// Lines saying that inputs had cells hidden by `.suppress`, which are NULL here.
  var nulledInputs: [String]
  /// Whether any input is generated data: then the illustrative label is always shown.
  var illustrative: Bool

  /// The label on everything computed from generated data.
  static let illustrativeLabel = ExportNotice.illustrative

  /// The short form of the label, at the start of a one-line footer so no width can cut it.
  static let illustrativeShort = "Illustrative data, not real results"

  /// The lines of the footer in `style`.
  func lines(_ style: FooterStyle) -> [String] {
    switch style {
    case .full:
      var lines = [name + (sources.isEmpty ? "" : " · source: " + sources.joined(separator: "; "))]
      lines.append(scope)
      lines += suppression
      lines += shownNotes
      lines += nulledInputs
      if illustrative { lines.append(ResultFooter.illustrativeLabel) }
      return lines
    case .short:
      return [shortLine]
    case .off:
      return illustrative ? [ResultFooter.illustrativeLabel] : []
    }
  }

  /// The one line of ``FooterStyle/short``: the label first, then name, sources, N and filters.
  var shortLine: String {
    var parts: [String] = []
    if illustrative { parts.append(ResultFooter.illustrativeShort) }
    parts.append(name + (sourceNames.isEmpty ? "" : " from " + sourceNames.joined(separator: ", ")))
    parts.append(shortScope)
    if !suppression.isEmpty || !nulledInputs.isEmpty { parts.append("small counts hidden") }
    if !notes.isEmpty { parts.append("more: .notes") }
    return parts.joined(separator: " · ")
  }

  /// The line under a table in a record or report: the label, name, sources, N and filters.
  var recordLine: String {
    var parts: [String] = []
    if illustrative { parts.append(ResultFooter.illustrativeShort) }
    parts.append(name + (sourceNames.isEmpty ? "" : " from " + sourceNames.joined(separator: ", ")))
    parts.append(scope)
    return parts.joined(separator: " · ")
  }

  /// The notes under a table in a record or report (each once per section there).
  var recordNotes: [String] {
    (sources.isEmpty ? [] : ["source: " + sources.joined(separator: "; ")]) + suppression + reportNotes + nulledInputs
  }

  /// Everything known about the result, unshortened: `.notes` prints this.
  var fullText: [String] {
    let lines = [name + (sources.isEmpty ? "" : " · source: " + sources.joined(separator: "; ")), scope]
    return lines + suppression + notes + nulledInputs + (illustrative ? [ResultFooter.illustrativeLabel] : [])
  }

  /// The notes a footer shows of `notes` for a result with `columns`, from analyses that output
  /// `analysisColumns`: a note (or a `;` part of one) defining only analysis columns the result
  /// does not have is left out, and two or more `peers of NAME: …` lines become one.
  static func shownNotes(
    _ notes: [String], columns: [String], analysisColumns: [String], collapsingPeers: Bool = true
  ) -> [String] {
    let present = Set(columns)
    let analysis = Set(analysisColumns)
    func keeps(_ part: Substring) -> Bool {
      guard let colon = part.firstIndex(of: ":") else { return true }
      let heads = part[..<colon].split(separator: ",").map { $0.trimmingCharacters(in: " ") }
      guard !heads.isEmpty, heads.allSatisfy(isIdentifier) else { return true }
      // `ranks` defines rank_peers and rank_national.
      func defined(_ head: String) -> [String] {
        head == "ranks" ? analysis.filter { $0.hasPrefix("rank_") }.sorted() : [head]
      }
      let columns = heads.flatMap(defined)
      guard !columns.isEmpty, columns.allSatisfy(analysis.contains) else { return true }
      return columns.contains(where: present.contains)
    }
    var shown: [String] = []
    var peers: [(name: String, count: Int)] = []
    var peersAt: Int?
    for note in notes {
      if note.hasPrefix("peers of "), let colon = note.firstIndex(of: ":") {
        let name = String(note.dropFirst("peers of ".count)[..<colon])
        peers.append((name, note[note.index(after: colon)...].split(separator: ",").count))
        if peersAt == nil { peersAt = shown.count }
        shown.append(note)
        continue
      }
      // A part without a column head (`…; pooled values are …`) goes with the part before it.
      var groups: [[Substring]] = []
      for part in note.split(separator: ";", omittingEmptySubsequences: false) {
        let trimmed = part.drop { $0 == " " }
        if groups.isEmpty || hasHead(trimmed) { groups.append([trimmed]) } else { groups[groups.count - 1].append(trimmed) }
      }
      let kept = groups.filter { keeps($0[0]) }
      if kept.count == groups.count {
        shown.append(note)
      } else if !kept.isEmpty {
        shown.append(kept.flatMap { $0 }.joined(separator: "; "))
      }
    }
    if collapsingPeers, peers.count > 1, let at = peersAt {
      shown.removeAll { $0.hasPrefix("peers of ") }
      let counts = Set(peers.map(\.count))
      let each = counts.count == 1 ? "\(peers[0].count) each" : "\(counts.min() ?? 0)–\(counts.max() ?? 0) each"
      shown.insert(
        "peers of \(peers.map(\.name).joined(separator: ", ")): \(each) (.notes or `peers NAME` lists them)",
        at: min(at, shown.count))
    }
    return shown
  }

  /// Whether `part` starts with `name, name: `.
  private static func hasHead(_ part: Substring) -> Bool {
    guard let colon = part.firstIndex(of: ":") else { return false }
    let heads = part[..<colon].split(separator: ",").map { $0.trimmingCharacters(in: " ") }
    return !heads.isEmpty && heads.allSatisfy(isIdentifier)
  }

  private static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else { return false }
    return text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
  }
}

extension StringProtocol {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    String(self.drop { $0 == set }.reversed().drop { $0 == set }.reversed())
  }
}
