import TrappeBase
import TrappeIO

/// The layout of one presentation screen of `width` × `height`:
///
/// ```
/// Step 3/8 · The Ny Chance targets in round 5 …   (bold, reversed; wrapped, never cut)
/// trappe> resultater | where runde <= 5 | gap …   (at most three lines)
///
/// the result, its source and N lines, the notes that fit   (``room`` lines)
/// Illustrative data, not real results …           (pinned whenever the result shows generated data)
/// → Space next · ← b back · …                     (the keys)
/// ```
struct PresentationScreen {
  /// The title lines.
  let heading: [String]
  /// The command lines.
  let command: [String]
  let width: Int
  let height: Int

  /// The keys line at the bottom.
  static let keys = "→ Space: next · ← b: back · g N: go to · i: notes · : query · q: quit"

  init(heading text: String, command statement: String, width: Int, height: Int) {
    self.width = max(20, width)
    self.height = max(8, height)
    var heading = TerminalText.wrapIfNeeded(text, width: self.width)
    var command: [String] = []
    for (i, line) in statement.split(separator: "\n").enumerated() {
      let prompt = i == 0 ? "trappe> " : "   ...> "
      command += TerminalText.wrapIfNeeded(prompt + String(line).trimmed(), width: self.width - 8).enumerated().map {
        $0 == 0 ? $1 : "        " + $1
      }
    }
    // The result gets at least half the screen: a long title is cut only then.
    let limit = max(1, self.height / 2 - 4)
    if heading.count > limit {
      heading = Array(heading.prefix(limit))
      heading[limit - 1] = TerminalText.truncate(heading[limit - 1] + " …", to: self.width)
    }
    if command.count > 3 {
      command = Array(command.prefix(3))
      command[2] = TerminalText.truncate(command[2] + " …", to: self.width)
    }
    self.heading = heading
    self.command = command
  }

  /// The lines left for the result and its footer.
  var room: Int { max(3, height - heading.count - command.count - 3) }

  /// The whole screen for `output`: exactly ``height`` lines, none wider than ``width``.
  func lines(for output: PresentationOutput) -> [String] {
    var lines = heading.map { "\u{1B}[1;7m" + TerminalText.fit($0, width: width, alignment: .left) + "\u{1B}[0m" }
    lines += command.map { TerminalText.truncate($0, to: width) }
    lines.append("")
    let essentials = Array(output.essentials.prefix(max(0, room - 1)))
    var body = output.body
    let bodyRoom = room - essentials.count
    if body.count > bodyRoom {
      let hidden = body.count - bodyRoom + 1
      body = Array(body.prefix(bodyRoom - 1)) + ["… \(hidden) more lines"]
    }
    var middle = body + essentials
    middle += output.notes(fitting: room - middle.count)
    lines += middle.map { TerminalText.truncate($0, to: width) }
    while lines.count < height - 2 { lines.append("") }
    lines.append(output.illustrative ? "\u{1B}[1m" + TerminalText.truncate(Session.illustrativeNotice, to: width) + "\u{1B}[0m" : "")
    lines.append(TerminalText.truncate(PresentationScreen.keys, to: width))
    return lines
  }
}
