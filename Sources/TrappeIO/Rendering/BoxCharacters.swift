/// The characters a box table is drawn with: Unicode line drawing, or plain ASCII for
/// `.charset ascii` (printers, old projectors, terminals without the glyphs).
package struct BoxCharacters: Sendable, Equatable {
  var topLeft: String
  var topJoin: String
  var topRight: String
  var leftJoin: String
  var cross: String
  var rightJoin: String
  var bottomJoin: String
  var bottomLeft: String
  var bottomRight: String
  var horizontal: String
  var vertical: String
  /// What ends a cut text.
  package var ellipsis: String

  /// `┌─┬─┐ │ ├─┼─┤ └─┘` and `…`.
  static let unicode = BoxCharacters(
    topLeft: "┌", topJoin: "┬", topRight: "┐", leftJoin: "├", cross: "┼", rightJoin: "┤", bottomJoin: "┴",
    bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│", ellipsis: "…")

  /// `+-+ | +-+` and `...`.
  static let ascii = BoxCharacters(
    topLeft: "+", topJoin: "+", topRight: "+", leftJoin: "+", cross: "+", rightJoin: "+", bottomJoin: "+",
    bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|", ellipsis: "...")

  /// `text` with the typographic characters footers use spelled in ASCII
  /// (`·` → `-`, `…` → `...`, `←` → `<-`, `→` → `->`, `–`/`—` → `-`, `≥`/`≤` → `>=`/`<=`, `×` → `x`).
  package static func asciiText(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
    var out = ""
    for character in text {
      switch character {
      case "·": out += "-"
      case "…": out += "..."
      case "←": out += "<-"
      case "→": out += "->"
      case "–", "—", "−": out += "-"
      case "≥": out += ">="
      case "≤": out += "<="
      case "×": out += "x"
      case "≈": out += "~"
      default: out.append(character)
      }
    }
    return out
  }
}
