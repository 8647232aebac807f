import TrappeBase

/// `label COLUMN = "TEXT"|none` or `format COLUMN N|none`: how a column is shown (display only).
package struct DisplayStatement: Sendable, Equatable {
  /// What the statement sets.
  package enum Setting: Sendable, Equatable {
    /// The header text; nil removes the label (`none`).
    case label(String?)
    /// The decimals shown; nil removes the format (`none`).
    case decimals(Int?)
  }

  /// The column name the setting applies to, in every later result.
  package var column: String
  package var columnRange: SourceRange
  package var setting: Setting
}
