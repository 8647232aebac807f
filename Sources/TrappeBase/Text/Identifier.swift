/// Names as the query language writes them.
package enum Identifier {
  /// Words that never name a column unless backquoted.
  package static let reservedWords: Set<String> = [
    "and", "or", "not", "in", "is", "between", "by", "over", "asc", "desc", "when", "then", "else",
    "end", "on", "into", "values",
  ]

  /// A column or table name as a query must write it: backquoted unless it is a plain,
  /// unreserved identifier (`kommune`, `` `end` ``, `` `Ledige pct.` ``).
  package static func quoted(_ name: String) -> String {
    guard let first = name.first, first.isLetter || first == "_",
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
      !reservedWords.contains(name.lowercased())
    else { return "`" + name + "`" }
    return name
  }
}
