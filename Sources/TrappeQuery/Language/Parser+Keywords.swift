import TrappeBase

extension Parser {
  /// The stage keywords, as written after `|`.
  static let stageKeywords = [
    "where", "select", "extend", "summarize", "sort", "order", "top", "take", "limit", "distinct",
    "count", "join", "union", "pivot", "unpivot", "rename", "chart", "bench", "gap", "flow", "survival", "decompose",
    "peers", "expected",
  ]

  /// Words that never name a column unless backquoted.
  static var reservedWords: Set<String> { Identifier.reservedWords }

  /// Whether `token` is a bare identifier naming a stage.
  static func isStageKeyword(_ token: Token) -> Bool {
    guard let keyword = token.keyword else { return false }
    return stageKeywords.contains(keyword)
  }

  /// Whether `token` ends a list: `|`, `)` or the end of the query.
  static func endsList(_ token: Token) -> Bool {
    switch token.kind {
    case .pipe, .rightParen, .end: return true
    default: return false
    }
  }
}
