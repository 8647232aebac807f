import TrappeBase
import TrappeStorage
import TrappeQuery

/// A measure's numerator and denominator per municipality and key value (period or category).
///
/// Built from ``MeasureEvaluator/totals(_:measure:by:)``; the key values are
/// sorted as the query language sorts them, and kept as a column so results can
/// show them with their own type.
struct MeasureCells {
  /// One numerator/denominator pair.
  typealias Cell = (numerator: Double, denominator: Double)

  let measure: MeasureDefinition
  /// The distinct key values, sorted (one row when there is no key).
  let keys: Column?
  /// The number of key values (1 when there is no key).
  let keyCount: Int
  /// Municipality names in the input, in order of first appearance.
  let municipalities: [String]
  /// Cells by municipality (as spelled in the input), then key index.
  let cells: [String: [Int: Cell]]
  /// The input's spelling by ``MunicipalityNames/key(_:)``, so `Aarhus` finds rows written `Århus`.
  let spellings: [String: String]

  /// Sums the measure over `input` by `kommune` and `key`.
  init(_ input: Table, measure: MeasureDefinition, key: String?) throws(Diagnostic) {
    let groupKeys = ["kommune"] + (key.map { [$0] } ?? [])
    try self.init(totals: MeasureEvaluator.totals(input, measure: measure, by: groupKeys), measure: measure, key: key)
  }

  /// The cells from the totals (`kommune`, the key, `numerator`, `denominator`; one row per
  /// municipality and key value, in order of first appearance), as an engine returns them.
  init(totals: Table, measure: MeasureDefinition, key: String?) throws(Diagnostic) {
    var keyIndex: [Value: Int] = [:]
    var keyColumn: Column?
    if let key {
      let distinct = try PlanBuilder.run(PlanBuilder.sortedDistinct(key, of: PlanBuilder.scan(totals, name: "totals")))
      if let column = distinct.column(named: key) {
        keyColumn = column
        for row in 0..<column.count { keyIndex[column.value(at: row)] = row }
      }
    }
    let names = totals.column(named: "kommune").map(AnalysisValues.strings) ?? []
    let keyValues = key.flatMap { totals.column(named: $0) }
    let numerators = totals.column(named: "numerator").map(AnalysisValues.doubles) ?? []
    let denominators = totals.column(named: "denominator").map(AnalysisValues.doubles) ?? []
    var order: [String] = []
    var cells: [String: [Int: Cell]] = [:]
    for row in names.indices {
      guard let name = names[row] else { continue }
      let index = keyValues.map { keyIndex[$0.value(at: row)] ?? 0 } ?? 0
      if cells[name] == nil { order.append(name) }
      cells[name, default: [:]][index] = (numerators[row] ?? 0, denominators[row] ?? 0)
    }
    self.measure = measure
    self.keys = keyColumn
    self.keyCount = keyColumn?.count ?? 1
    self.municipalities = order
    self.cells = cells
    var spellings: [String: String] = [:]
    for name in order { spellings[MunicipalityNames.key(name)] = spellings[MunicipalityNames.key(name)] ?? name }
    self.spellings = spellings
  }

  /// The cells of `kommune` in any spelling (``MunicipalityNames``), if the input has rows for it.
  func rows(of kommune: String) -> [Int: Cell]? {
    cells[kommune] ?? spellings[MunicipalityNames.key(kommune)].flatMap { cells[$0] }
  }

  /// Whether the input has rows for `kommune` in any spelling.
  func has(_ kommune: String) -> Bool { rows(of: kommune) != nil }

  /// The cell of `kommune` at key index `key`, if it has rows there.
  func cell(_ kommune: String, _ key: Int) -> Cell? { rows(of: kommune)?[key] }

  /// The measure's value of a cell: scale · numerator / denominator, nil when the denominator is 0.
  func value(_ cell: Cell?) -> Double? {
    guard let cell, cell.denominator != 0 else { return nil }
    return measure.scale * cell.numerator / cell.denominator
  }

  /// The pooled value of several municipalities at `key`: sum of numerators / sum of denominators,
  /// or with `unweighted` the plain mean of their values. Nil when there is nothing to pool.
  func pooled(_ names: [String], _ key: Int, unweighted: Bool) -> Double? {
    if unweighted {
      let values = names.compactMap { value(cell($0, key)) }
      return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
    var numerator = 0.0
    var denominator = 0.0
    var any = false
    for name in names {
      guard let c = cell(name, key) else { continue }
      numerator += c.numerator
      denominator += c.denominator
      any = true
    }
    guard any, denominator != 0 else { return nil }
    return measure.scale * numerator / denominator
  }

  /// The text of key value `key`, e.g. `3` or `dansk`.
  func keyText(_ key: Int) -> String {
    guard let keys else { return "" }
    return keys.value(at: key).description
  }
}
