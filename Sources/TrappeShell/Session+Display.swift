import TrappeBase
import TrappeIO
import TrappeQuery

extension Session {
  /// Applies `label COLUMN = …` or `format COLUMN N` to the session's display settings (the one
  /// owner of labels; renderers get them through their options) and says what changed.
  func applyDisplay(_ statement: DisplayStatement) -> String {
    let column = statement.column
    switch statement.setting {
    case .label(let text?):
      settings.display.labels[column] = text
      return "label \(column) = \"\(text)\" (display only: queries still use \(column))"
    case .label(nil):
      let had = settings.display.labels.removeValue(forKey: column) != nil
      return had ? "removed the label of \(column)" : "\(column) had no label"
    case .decimals(let n?):
      settings.display.decimals[column] = n
      return "format \(column) \(n): \(n) \(n == 1 ? "decimal" : "decimals") shown (display only)"
    case .decimals(nil):
      let had = settings.display.decimals.removeValue(forKey: column) != nil
      return had ? "removed the format of \(column)" : "\(column) had no format"
    }
  }
}
