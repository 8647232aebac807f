import TrappeIO

/// A record as one self-contained HTML file: inline CSS (with print rules for PDF), no
/// scripts, no network. The script's comments are the title, headings and paragraphs; each
/// table and chart (inline SVG) has its one-line footer; the notes of a section are listed
/// once at its end; the datasets with their content hashes close the report.
struct HTMLReport {
  var title: String
  var script: String?
  var parameters: [String: String]
  var illustrative: Bool
  var blocks: [ReportBlock]
  var datasets: [(name: String, file: String, hash: String)]

  static let style = """
    body { font-family: "Helvetica Neue", Arial, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
    h1 { font-size: 1.6rem; margin-bottom: .3rem; }
    h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
    .illustrative { border: 2px solid #b00; color: #b00; font-weight: bold; padding: .4rem .7rem; margin: 1rem 0; }
    .meta, .footer, .notes, .datasets { font-size: .85rem; color: #333; }
    pre { background: #f4f4f4; padding: .5rem .7rem; overflow-x: auto; font-size: .8rem; }
    pre.command { background: none; border-left: 3px solid #999; color: #444; padding: .1rem .6rem; white-space: pre-wrap; }
    table { border-collapse: collapse; margin: .6rem 0 .3rem; font-size: .85rem; }
    th, td { border: 1px solid #bbb; padding: .2rem .5rem; text-align: left; }
    th { background: #eee; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    svg.chart { max-width: 100%; height: auto; display: block; margin: .6rem 0; }
    .footer { font-style: italic; margin: .2rem 0 1rem; }
    .notes { border-top: 1px solid #ddd; margin-top: 1rem; }
    @media print {
      body { max-width: none; margin: 0; font-size: 10pt; }
      pre.command { display: none; }
      h2 { break-after: avoid; }
      table, svg.chart { break-inside: avoid; }
    }
    @page { size: A4; margin: 1.5cm; }
    """

  var document: String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<title>\(e(title))</title>\n<style>\n\(HTMLReport.style)\n</style>\n</head>\n<body>\n"
    out += "<h1>\(e(title))</h1>\n"
    if illustrative {
      out += "<p class=\"illustrative\">\(e(ExportNotice.illustrative))</p>\n"
    }
    var meta = ["script: " + (script.map { "<code>\(e($0))</code>" } ?? "interactive session")]
    if !parameters.isEmpty {
      meta.append(
        "parameters: " + parameters.keys.sorted().map { "<code>\(e($0))=\(e(parameters[$0] ?? ""))</code>" }.joined(separator: ", "))
    }
    out += "<p class=\"meta\">" + meta.joined(separator: " · ") + "</p>\n"
    var notes: [String] = []
    func closeSection() {
      guard !notes.isEmpty else { return }
      out += "<div class=\"notes\"><p>Notes</p>\n<ul>\n" + notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul></div>\n"
      notes = []
    }
    func collect(_ more: [String]) {
      for note in more where !notes.contains(note) { notes.append(note) }
    }
    for block in blocks {
      switch block {
      case .heading(let text):
        closeSection()
        out += "<h2>\(e(text))</h2>\n"
      case .paragraph(let text):
        out += "<p>\(e(text))</p>\n"
      case .command(let text):
        out += "<pre class=\"command\">\(e(text))</pre>\n"
      case .text(let text):
        out += "<pre>\(e(text))</pre>\n"
      case .table(_, let html, let line, let more):
        out += html
        if !line.isEmpty { out += "<p class=\"footer\">\(e(line))</p>\n" }
        collect(more)
      case .chart(let text, let svg, let line, let more):
        out += svg ?? "<pre>\(e(text))</pre>\n"
        if !line.isEmpty { out += "<p class=\"footer\">\(e(line))</p>\n" }
        collect(more)
      }
    }
    closeSection()
    out += "<h2>Data</h2>\n<ul class=\"datasets\">\n"
    if datasets.isEmpty { out += "<li>none</li>\n" }
    for dataset in datasets {
      let file = dataset.file.split(separator: "/").last.map(String.init) ?? dataset.file
      out += "<li><code>\(e(dataset.name))</code> (<code>\(e(file))</code>, FNV-1a \(e(dataset.hash)))</li>\n"
    }
    out += "</ul>\n"
    if illustrative {
      out += "<p class=\"illustrative\">\(e(ExportNotice.illustrative))</p>\n"
    }
    return out + "</body>\n</html>\n"
  }

  private func e(_ text: String) -> String { TableExporter.htmlEscaped(text) }
}
