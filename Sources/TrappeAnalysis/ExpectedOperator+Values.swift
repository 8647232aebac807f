import TrappeBase
import TrappeStorage
import TrappeQuery

extension ExpectedOperator {
  /// One municipality's value of a framework variable.
  enum Cell: Sendable, Equatable {
    case number(Double)
    case text(String)
  }

  /// The framework variables' values by variable, municipality and key index; a municipality
  /// whose rows hold NULL for a variable has no value there (it is left out of that model).
  struct Values {
    var cells: [String: [String: [Int: Cell?]]]

    /// The value, or nil when it is missing.
    func cell(_ variable: String, _ kommune: String, _ key: Int) -> Cell? {
      guard let stored = cells[variable]?[kommune]?[key] else { return nil }
      return stored
    }
  }

  /// Reads each variable per municipality (and key): every row of a municipality must hold the
  /// same value, since a framework variable describes the municipality, not a row.
  static func variableValues(
    _ input: Table, kommune: Column, variables: [Variable], period: String?, keys: Column?
  ) throws(Diagnostic) -> Values {
    let names = AnalysisValues.strings(kommune)
    var keyIndex: [Value: Int] = [:]
    if let keys { for row in 0..<keys.count { keyIndex[keys.value(at: row)] = row } }
    let keyColumn = period.flatMap { input.column(named: $0) }
    var cells: [String: [String: [Int: Cell?]]] = [:]
    for variable in variables {
      guard let column = input.column(named: variable.name) else {
        throw Diagnostic(.error, "expected: the input has no column '\(variable.name)'")
      }
      let numbers = variable.categorical ? [] : AnalysisValues.doubles(column)
      let texts = variable.categorical ? AnalysisValues.strings(column) : []
      var byName: [String: [Int: Cell?]] = [:]
      for row in names.indices {
        guard let name = names[row] else { continue }
        let key = keyColumn.map { keyIndex[$0.value(at: row)] ?? 0 } ?? 0
        let value: Cell?
        if variable.categorical {
          value = texts[row].map { .text($0) }
        } else {
          value = numbers[row].map { .number($0) }
        }
        if let existing = byName[name]?[key] {
          if existing != value {
            let at = period.flatMap { p in keys.map { " in \(p) \($0.value(at: key).description)" } } ?? ""
            throw Diagnostic(
              .error,
              "'\(variable.name)' is not one value per municipality: \(name)\(at) has \(describe(existing)) and \(describe(value))",
              hints: [
                "a framework variable describes the municipality; filter one year first or compute it per municipality",
                "e.g. kommunepanel | where aar == 2009 | expected ...",
              ])
          }
        } else {
          byName[name, default: [:]][key] = .some(value)
        }
      }
      cells[variable.name] = byName
    }
    return Values(cells: cells)
  }

  /// A value for messages.
  static func describe(_ cell: Cell?) -> String {
    switch cell {
    case .number(let x): return NumberFormatting.plain(x).replacingSuffix(".0")
    case .text(let t): return "'\(t)'"
    case nil: return "NULL"
    }
  }
}
