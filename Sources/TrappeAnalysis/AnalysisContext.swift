import TrappeBase
import TrappeStorage
import TrappeQuery

/// What an analysis may use while it is bound: the statement text, the session's measures and saved groups, and the tables.
struct AnalysisContext {
  /// The statement text, for diagnostics with carets.
  let source: SourceText
  /// The measures defined so far (built-in and `measure` statements).
  let measures: MeasureRegistry
  /// The comparison groups saved with `peers ... as NAME` in this session.
  let groups: SavedGroups
  /// Looks up a table by name (reference tables such as `grupper`, `maal`, `kommuner`).
  let resolveTable: (String) throws(Diagnostic) -> Table?
  /// The observation window of the dataset the input is read from (its manifest's period), if known.
  var observationWindow: ObservationWindow? = nil

  /// Whether `.ci on` asks every analysis that can for its 95 % intervals.
  var intervals = false

  /// Whether the stage asks for intervals: its `ci` flag, or `.ci on`.
  func wantsIntervals(_ spec: AnalysisSpec) -> Bool { intervals || spec.clause("ci") != nil }

  /// A diagnostic at `range`.
  func error(_ message: String, at range: SourceRange, hints: [String] = []) -> Diagnostic {
    source.diagnostic(message, at: range, hints: hints)
  }

  /// The table called `name`, or a diagnostic at `range` when it does not exist.
  func table(_ name: String, at range: SourceRange) throws(Diagnostic) -> Table {
    guard let table = try resolveTable(name) else {
      throw error("this needs the table '\(name)', which is not available", at: range)
    }
    return table
  }

  /// The text of a value as a plain name: `Slagelse`, `"Slagelse"`, `751`, or a hyphenated
  /// name written without quotes and spaces (`Ikast-Brande`, `Frederiksværk-Hundested`), which
  /// parses as a subtraction of names.
  func name(of expression: Expression) -> String? {
    switch expression.kind {
    case .column(let name, nil): return name
    case .string(let text): return text
    case .integer(let value): return String(value)
    case .binary(.subtract, let left, let right):
      guard case .column = right.kind, name(of: left) != nil, Int64(name(of: left) ?? "") == nil else { return nil }
      let text = String(source[expression.range])
      return text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) ? nil : text
    default: return nil
    }
  }
}
