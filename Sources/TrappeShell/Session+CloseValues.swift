import TrappeBase
import TrappeStorage
import TrappeQuery

extension Session {
  /// When a result is empty and a `where COLUMN == "text"` of its pipeline names a value the
  /// source table's column does not hold, a notice naming the closest values it does hold
  /// (`Århus` → `Aarhus`, `Region Sjaelland` → `Region Sjælland`); nil otherwise.
  func closeValuesNotice(for pipeline: Pipeline, resultRows: Int) -> String? {
    guard resultRows == 0, !pipeline.sourceName.isEmpty else { return nil }
    let conditions = pipeline.stringEqualities
    guard !conditions.isEmpty, let table = try? table(resolving: pipeline.sourceName) else { return nil }
    var lines: [String] = []
    for (name, value) in conditions {
      guard let column = table.column(named: name), column.type == DataType.string else { continue }
      var values = Set<String>()
      for row in 0..<column.count where values.count < 10_000 {
        if case .string(let text) = column.value(at: row) { values.insert(text) }
      }
      guard !values.contains(value) else { continue }
      let close = Session.closeValues(to: value, in: values)
      guard !close.isEmpty else { continue }
      lines.append(
        "note: no row has \(name) == \"\(value)\"; did you mean "
          + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?")
    }
    return lines.isEmpty ? nil : lines.joined(separator: "\n")
  }

  /// Up to three values close to `value`: equal when folded (case, æ/ae, ø/oe, å/aa), or a
  /// few edits apart.
  static func closeValues(to value: String, in values: Set<String>) -> [String] {
    let folded = fold(value)
    var scored: [(String, Int)] = []
    for candidate in values {
      let other = fold(candidate)
      let distance = other == folded ? 0 : Suggestion.editDistance(Array(folded), Array(other))
      let limit = max(1, min(3, (max(folded.count, other.count) + 2) / 4))
      if distance <= limit { scored.append((candidate, distance)) }
    }
    return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(3).map(\.0)
  }

  /// Lower case with the Danish letters spelled out as Danes write them without æøå.
  static func fold(_ text: String) -> String {
    var out = ""
    for character in text.lowercased() {
      switch character {
      case "æ": out += "ae"
      case "ø": out += "oe"
      case "å": out += "aa"
      case "é": out += "e"
      default: out.append(character)
      }
    }
    return out
  }
}
