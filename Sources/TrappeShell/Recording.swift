import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeCharts

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record of a session, written as a Markdown file (`.record FILE.md`, `--record`) or as one
/// self-contained HTML report (`.report FILE.html`, `--report`).
///
/// The script's `--` comments become the headings and paragraphs ( ``ReportBlock``): the
/// first comment of the script is the title, the first line of each later run of comments a
/// section heading. Tables are written in the session's number locale, under each a one-line
/// footer (sources, N, filters, the illustrative label) and the analyses' notes, each note
/// once per section. The header (Markdown) or the end (HTML) lists the datasets used, each with
/// a content hash. The body has no timestamps, so a replay gives the same file.
///
/// Markdown: after each command only that command's entry is appended to the file (reliability
/// review D14: rewriting and syncing the whole record and re-hashing every dataset after
/// every command made 400 small commands take 50 times as long). The whole file is
/// rewritten atomically only when the header changes (a dataset is used for the first
/// time, or its file changed, the title or the illustrative label arrives) or the file is no
/// longer the one written (moved, edited). HTML is rewritten atomically after each command
/// (its dataset list and notes close the document). Dataset hashes are cached by the file's
/// size, modification time and inode. The file is synced when recording stops and at the
/// end of the run; a killed process leaves the record complete up to its last finished command.
final class Recording {
  /// The two files a record can be.
  enum Format: Sendable { case markdown, html }

  let path: String
  let script: String?
  let parameters: [String: String]
  let format: Format
  /// The report's title: the script's first comment.
  private(set) var title: String?
  /// Whether any result shown is illustrative (the header then says so first).
  private(set) var illustrative = false
  private var blocks: [ReportBlock] = []
  private var body: [String] = []
  private var pending: [String] = []
  /// Notes already written in the current section (Markdown writes each once per section).
  private var sectionNotes: Set<String> = []
  /// The script line of the last comment, to tell a run of comments from a new one.
  private var lastCommentLine: Int?
  /// Whether a statement has run yet (before it, the first comment is the title).
  private var statementSeen = false
  /// The header the file on disk starts with, once written.
  private var writtenHeader: String?
  /// How many body parts the file on disk holds.
  private var writtenParts = 0
  /// The file written: device, inode and size, to notice when it was replaced or edited.
  private var written: (device: UInt64, inode: UInt64, size: Int64)?
  /// Content hashes of dataset files, with the size, modification time and inode they were taken at.
  private var hashes: [String: (stamp: [Int64], hash: String)] = [:]

  init(path: String, script: String?, parameters: [String: String], format: Format = .markdown) {
    self.path = path
    self.script = script
    self.parameters = parameters
    self.format = format
  }

  /// The format a file name asks for: `.html` and `.htm` are HTML, anything else Markdown.
  static func format(of path: String) -> Format {
    let lower = path.lowercased()
    return lower.hasSuffix(".html") || lower.hasSuffix(".htm") ? .html : .markdown
  }

  /// A `--` comment of the script at `line`: the title, a heading or a paragraph.
  func comment(_ text: String, line: Int) {
    let continuing = lastCommentLine.map { $0 + 1 == line } ?? false
    lastCommentLine = line
    let trimmed = text.trimmed()
    guard !trimmed.isEmpty else { return }
    // `-- check with: NAME=VALUE` tells `--check` the parameters; it is not for readers.
    if trimmed.lowercased().hasPrefix("check with:") { return }
    if !statementSeen && title == nil {
      title = trimmed
      return
    }
    // A line that goes on with the sentence before it (that ended with , or ; or this one starts
    // in lower case) joins that heading or paragraph.
    if continuing, let last = blocks.last, let first = trimmed.unicodeScalars.first {
      let goesOn = (",;".contains(lastCharacter(of: last)) || ("a"..."z").contains(first) || "æøå".unicodeScalars.contains(first))
      if goesOn, case .heading(let text) = last {
        replaceLast(with: .heading(text + " " + trimmed))
        return
      }
      if goesOn, case .paragraph(let text) = last {
        replaceLast(with: .paragraph(text + " " + trimmed))
        return
      }
      if goesOn, title != nil, !statementSeen, blocks.isEmpty {
        title = (title ?? "") + " " + trimmed
        return
      }
    }
    if continuing {
      append(.paragraph(trimmed))
    } else {
      sectionNotes = []
      append(.heading(trimmed))
    }
  }

  /// The last character of a heading's or paragraph's text, else a space.
  private func lastCharacter(of block: ReportBlock) -> String {
    switch block {
    case .heading(let text), .paragraph(let text): return text.last.map(String.init) ?? " "
    default: return " "
    }
  }

  /// Replaces the last block (a heading or paragraph that a comment line goes on with).
  private func replaceLast(with block: ReportBlock) {
    blocks[blocks.count - 1] = block
    guard format == .markdown, !body.isEmpty else { return }
    switch block {
    case .heading(let text): body[body.count - 1] = "## " + text + "\n"
    case .paragraph(let text): body[body.count - 1] = text + "\n"
    default: break
    }
  }

  /// Starts the entry for one command.
  func begin(_ command: String) {
    statementSeen = true
    lastCommentLine = nil
    append(.command(command))
  }

  /// Output text (messages, charts) for the current command.
  func add(text: String) {
    pending.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }

  /// A result table with its footer (the one line and the notes, once per section).
  func add(table: Table, suppressed: SuppressionMask, footer: ResultFooter, locale: NumberLocale, headers: DisplayLabels = DisplayLabels()) {
    flushText()
    if footer.illustrative { illustrative = true }
    append(
      .table(
        markdown: format == .markdown ? markdownTable(table, suppressed: suppressed, locale: locale, headers: headers) : "",
        html: format == .html ? TableExporter.html(table, locale: locale, suppressed: suppressed, headers: headers) : "",
        line: footer.recordLine, notes: footer.recordNotes))
  }

  /// A table that is not a query's result (`.describe`, listings) with its footer lines.
  func add(table: Table, suppressed: SuppressionMask, lines: [String], locale: NumberLocale, headers: DisplayLabels = DisplayLabels()) {
    flushText()
    if lines.contains(ExportNotice.illustrative) { illustrative = true }
    append(
      .table(
        markdown: format == .markdown ? markdownTable(table, suppressed: suppressed, locale: locale, headers: headers) : "",
        html: format == .html ? TableExporter.html(table, locale: locale, suppressed: suppressed, headers: headers) : "",
        line: lines.first ?? "", notes: Array(lines.dropFirst())))
  }

  /// A chart with its footer: the text drawing in Markdown, SVG drawn from the chart model in HTML.
  func add(chart text: String, model: ChartModel, footer: ResultFooter, locale: NumberLocale) {
    flushText()
    if footer.illustrative { illustrative = true }
    var svg: String?
    if format == .html { svg = try? SVGChart.render(model, locale: locale) }
    append(.chart(text: text, svg: svg, line: footer.recordLine, notes: footer.recordNotes))
  }

  /// Ends the current command's entry.
  func end() {
    flushText()
  }

  private func flushText() {
    guard !pending.isEmpty else { return }
    append(.text(pending.joined(separator: "\n")))
    pending = []
  }

  private func markdownTable(_ table: Table, suppressed: SuppressionMask, locale: NumberLocale, headers: DisplayLabels)
    -> String
  {
    var options = ExportOptions(displayPrecision: true, headers: headers)
    options.locale = locale
    return TableExporter.export(table, format: .markdown, options: options, suppressed: suppressed)
  }

  /// Adds a block, and its Markdown to the body.
  private func append(_ block: ReportBlock) {
    blocks.append(block)
    guard format == .markdown else { return }
    switch block {
    case .heading(let text): body.append("## " + text + "\n")
    case .paragraph(let text): body.append(text + "\n")
    case .command(let command):
      body.append(
        "```\n> " + command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ")
          + "\n```\n")
    case .text(let text): body.append("```text\n" + text + "\n```\n")
    case .table(let markdown, _, let line, let notes):
      body.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n")
      body.append(markdownFooter(line: line, notes: notes))
    case .chart(let text, _, let line, let notes):
      body.append("```text\n" + text + "\n```\n")
      body.append(markdownFooter(line: line, notes: notes))
    }
  }

  /// The footer under a table: the line in italics, then the notes not yet given in this section.
  private func markdownFooter(line: String, notes: [String]) -> String {
    var lines = line.isEmpty ? [] : ["*" + ExportNotice.markdownEscaped(line) + "*"]
    for note in notes where !sectionNotes.contains(note) {
      sectionNotes.insert(note)
      lines.append("- " + ExportNotice.markdownEscaped(note))
    }
    guard !lines.isEmpty else { return "" }
    if lines.count == 1 { return lines[0] + "\n" }
    return lines[0] + "\n\n" + lines.dropFirst().joined(separator: "\n") + "\n"
  }

  /// Brings the file up to date: appends the new entries, or rewrites it when the header changed.
  func write(datasets: [(name: String, file: String)]) throws(FileError) {
    if format == .html {
      let listed = datasets.map { (name: $0.name, file: $0.file, hash: hash(of: $0.file) ?? "unreadable") }
      try AtomicFile.write(
        HTMLReport(
          title: reportTitle, script: script, parameters: parameters, illustrative: illustrative, blocks: blocks,
          datasets: listed
        ).document, to: path)
      return
    }
    let header = self.header(datasets: datasets)
    if header == writtenHeader, try appendNewParts() { return }
    let text = header + "\n" + body.filter { !$0.isEmpty }.joined(separator: "\n")
    try AtomicFile.write(text, to: path)
    writtenHeader = header
    writtenParts = body.count
    var info = stat()
    written =
      lstat(path, &info) == 0
      ? (UInt64(info.st_dev), UInt64(info.st_ino), Int64(text.utf8.count)) : nil
  }

  /// Syncs the file to disk (when recording stops and at the end of the run).
  func sync() {
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  /// The title: the script's first comment, else the script's name, else "Trappe session".
  var reportTitle: String {
    if let title { return title }
    if let script { return "Trappe record of " + (script.split(separator: "/").last.map(String.init) ?? script) }
    return "Trappe session"
  }

  /// The header: the title, the illustrative label, the script, its parameters, the datasets used with their hashes.
  private func header(datasets: [(name: String, file: String)]) -> String {
    var header = ["# " + ExportNotice.markdownEscaped(reportTitle), ""]
    if illustrative { header += ["**" + ExportNotice.illustrative + "**", ""] }
    header.append("- script: " + (script.map { "`\($0)`" } ?? "interactive session"))
    if !parameters.isEmpty {
      header.append("- parameters: " + parameters.keys.sorted().map { "`\($0)=\(parameters[$0] ?? "")`" }.joined(separator: ", "))
    }
    if datasets.isEmpty {
      header.append("- datasets: none")
    } else {
      header.append("- datasets:")
      for dataset in datasets {
        let hash = self.hash(of: dataset.file) ?? "unreadable"
        header.append("  - `\(dataset.name)` (`\(dataset.file.split(separator: "/").last.map(String.init) ?? dataset.file)`, FNV-1a \(hash))")
      }
    }
    header.append("")
    return header.joined(separator: "\n")
  }

  /// The file's content hash, computed again only when its size, modification time or inode changed.
  private func hash(of file: String) -> String? {
    var info = stat()
    guard stat(file, &info) == 0 else { return nil }
    let stamp = [
      Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
      Int64(bitPattern: UInt64(info.st_ino)),
    ]
    if let known = hashes[file], known.stamp == stamp { return known.hash }
    guard let hash = ContentHash.ofFile(file) else { return nil }
    hashes[file] = (stamp, hash)
    return hash
  }

  /// Appends the parts not yet in the file; false when the file is not the one last written.
  private func appendNewParts() throws(FileError) -> Bool {
    guard let written else { return false }
    guard writtenParts < body.count else { return true }
    let fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      UInt64(info.st_dev) == written.device, UInt64(info.st_ino) == written.inode,
      Int64(info.st_size) == written.size
    else { return false }
    var text = ""
    for index in writtenParts..<body.count where !body[index].isEmpty {
      if index > 0 { text += "\n" }
      text += body[index]
    }
    let code = text.withUTF8 { FileWriting.writeAll(fd, UnsafeRawBufferPointer($0)) }
    guard code == 0 else { throw FileError(operation: "write", path: path, reason: CSVReader.systemError(code)) }
    writtenParts = body.count
    self.written = (written.device, written.inode, written.size + Int64(text.utf8.count))
    return true
  }
}
