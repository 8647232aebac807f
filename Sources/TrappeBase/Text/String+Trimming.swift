extension String {
  /// The string without `suffix` at its end.
  package func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}

extension String {
  /// The string without leading spaces, tabs and newlines.
  package func trimmingLeadingWhitespace() -> Substring {
    drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
  }

  /// The string without leading and trailing spaces, tabs and newlines.
  package func trimmed() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
