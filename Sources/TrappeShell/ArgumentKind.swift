
/// What a meta command argument names, so Tab can offer the right candidates.
enum ArgumentKind: Sendable, Equatable {
  /// A table in the catalog.
  case table
  /// A column of the table named by an earlier argument, or of any table.
  case column
  /// A file path.
  case file
  /// A meta command name.
  case command
  /// One of a fixed set of words.
  case keyword([String])
  /// A free value; nothing to complete.
  case value
}
