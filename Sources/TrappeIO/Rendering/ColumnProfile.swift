import TrappeBase
import TrappeStorage

/// What a box needs to know about one column before laying it out, from its name and shown
/// values: whether it holds codes (hidden first, never grouped) or years (never grouped),
/// whether it counts things (whole values without decimals), and how narrow its text may
/// become while its values stay distinguishable.
enum ColumnProfile {
  /// Whether the column's name says it holds codes or identifiers (`kommunekode`, `id`,
  /// `person`, `nuts2`): such columns are hidden first and never grouped.
  static func isCodeName(_ name: String) -> Bool {
    let lower = name.lowercased()
    let words = lower.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
    if lower.contains("kode") || lower.contains("code") { return true }
    let exact: Set<String> = ["id", "nr", "lbnr", "person", "cpr", "nuts", "nuts2", "nuts3"]
    return words.contains { exact.contains($0) } || lower.hasSuffix("id") && lower.count <= 4
  }

  /// Whether the column's name says it holds years (`aar`, `år`, `year`): never grouped
  /// (2008, not 2.008), but shown like any other column.
  static func isYearName(_ name: String) -> Bool {
    let words = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
    return words.contains { ["aar", "år", "year", "years", "aarstal"].contains($0) }
  }

  /// Whether every shown value looks like a code: short, no spaces, digits with at most
  /// capital letters (`0147`, `DK01`, `K05`).
  static func isCodeLike(_ texts: [String?]) -> Bool {
    var any = false
    for case let text? in texts {
      any = true
      guard text.count <= 6, text.contains(where: \.isASCII) else { return false }
      var digits = 0
      for scalar in text.unicodeScalars {
        if ("0"..."9").contains(scalar) {
          digits += 1
        } else if !("A"..."Z").contains(scalar) {
          return false
        }
      }
      if digits == 0 { return false }
    }
    return any
  }

  /// Whether the column's name says it counts persons, spells or rows (`n`, `personer`,
  /// `antal_…`, `n_peers`): integer-valued doubles in it are shown without decimals.
  static func isCountName(_ name: String) -> Bool {
    let lower = name.lowercased()
    let words = lower.split(whereSeparator: { $0 == "_" || $0 == " " }).map(String.init)
    guard let first = words.first else { return false }
    let counts: Set<String> = [
      "n", "count", "antal", "personer", "persons", "people", "spells", "forloeb", "events", "censored",
      "at", "startet", "started", "ledige", "indbyggere", "rows",
    ]
    return counts.contains(first) || words.contains("n") || words.contains("count") || words.contains("antal")
  }

  /// The narrowest width at which `texts` cut with `…` stay as distinct as they are whole
  /// (`Frederiksb…`, `Frederiksh…`, `Frederikss…`, `Fredensborg` need 11), at most `limit`.
  /// `ellipsis` is the mark cut text ends in (`...` for `.charset ascii`).
  static func distinguishingWidth(_ texts: [String?], limit: Int, ellipsis: String = "…") -> Int {
    var distinct: [String] = []
    var seen: Set<String> = []
    for case let text? in texts where seen.insert(text).inserted { distinct.append(text) }
    guard distinct.count > 1 else { return 1 }
    func distinguishes(_ width: Int) -> Bool {
      var cut: Set<String> = []
      for text in distinct where !cut.insert(TerminalText.truncate(text, to: width, ellipsis: ellipsis)).inserted { return false }
      return true
    }
    var low = 1
    var high = max(1, limit)
    if distinguishes(low) { return low }
    if !distinguishes(high) { return high }
    // distinguishes(high) holds, distinguishes(low) does not.
    while high - low > 1 {
      let mid = (low + high) / 2
      if distinguishes(mid) { high = mid } else { low = mid }
    }
    return high
  }
}
