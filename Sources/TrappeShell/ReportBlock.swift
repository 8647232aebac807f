/// One part of a record or report: the script's comments become headings and paragraphs,
/// commands and their output follow in order.
enum ReportBlock: Sendable, Equatable {
  /// A section heading: the first line of a run of `--` comments before a statement.
  case heading(String)
  /// A paragraph: the other lines of a run of `--` comments.
  case paragraph(String)
  /// The statement as typed.
  case command(String)
  /// Output text (messages, diagnostics) in a fixed-width block.
  case text(String)
  /// A table in both renderings, with its one-line footer and its notes.
  case table(markdown: String, html: String, line: String, notes: [String])
  /// A chart: its text drawing, its SVG (nil when it cannot be drawn as SVG), footer line and notes.
  case chart(text: String, svg: String?, line: String, notes: [String])
}
