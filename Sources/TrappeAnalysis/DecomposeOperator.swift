import TrappeBase
import TrappeStorage
import TrappeQuery

/// Splits a municipality's gap to its peers into a composition part and a rate part.
///
/// Direct standardisation over the categories g of a variable: with p_g the
/// municipality's share of the denominator, r_g its rate, and P_g, R_g the
/// peers' pooled share and rate,
/// gap = Σ p_g r_g − Σ P_g R_g = Σ (p_g − P_g) R_g + Σ p_g (r_g − R_g).
struct DecomposeOperator: AnalysisOperator {
  let measure: MeasureDefinition
  let kommune: String
  let mention: SourceRange
  let source: SourceText
  let group: ComparisonGroup
  /// The category column (`by herkomst`).
  let variable: String
  /// The category column's type and period unit: the output keeps them (`by aar` stays int),
  /// with NULL on the total row; a string variable labels that row "total".
  var variableType: DataType = .string
  var variableUnit: PeriodUnit? = nil

  var columns: [PlanColumn] {
    [PlanColumn(name: variable, type: variableType, unit: variableUnit)]
      + ["share", "rate", "peer_share", "peer_rate", "composition", "rate_part"].map {
        PlanColumn(name: $0, type: .double)
      }
  }

  var summary: String { "decompose \(measure.name) for \(kommune) against \(group.label) by \(variable)" }

  /// The parts of each category, from the numerators and denominators of the municipality and its peers.
  static func parts(own: [MeasureCells.Cell?], peers: [MeasureCells.Cell?], scale: Double) -> [DecompositionPart] {
    let ownTotal = own.reduce(0) { $0 + ($1?.denominator ?? 0) }
    let peerTotal = peers.reduce(0) { $0 + ($1?.denominator ?? 0) }
    var parts: [DecompositionPart] = []
    for index in own.indices {
      let p = ownTotal > 0 ? (own[index]?.denominator ?? 0) / ownTotal : 0
      let big = peerTotal > 0 ? (peers[index]?.denominator ?? 0) / peerTotal : 0
      let r = own[index].flatMap { $0.denominator > 0 ? scale * $0.numerator / $0.denominator : nil }
      let bigR = peers[index].flatMap { $0.denominator > 0 ? scale * $0.numerator / $0.denominator : nil }
      // A rate missing on one side has share 0 there; it takes the other side's rate,
      // so that the category adds nothing to that side and the parts still sum to the gap.
      let usedR = r ?? bigR ?? 0
      let usedBigR = bigR ?? r ?? 0
      parts.append(
        DecompositionPart(
          share: p, rate: r, peerShare: big, peerRate: bigR, composition: (p - big) * usedBigR,
          ratePart: p * (usedR - usedBigR)))
    }
    return parts
  }

  /// scale · Σ numerator / Σ denominator over the categories, nil when the denominator is 0.
  static func ratio(_ cells: [MeasureCells.Cell?], scale: Double) -> Double? {
    let numerator = cells.reduce(0) { $0 + ($1?.numerator ?? 0) }
    let denominator = cells.reduce(0) { $0 + ($1?.denominator ?? 0) }
    return denominator > 0 ? scale * numerator / denominator : nil
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard input.column(named: "kommune") != nil else {
      throw Diagnostic(.error, "decompose needs a column 'kommune' in its input")
    }
    let data = try MeasureCells(input, measure: measure, key: variable)
    guard data.has(kommune) else {
      throw source.diagnostic("\(kommune) has no rows in the input", at: mention)
    }
    let others = (group.members[kommune] ?? []).filter { data.has($0) }
    guard !others.isEmpty else {
      throw source.diagnostic("no peers besides \(kommune) in the input, so there is no gap to decompose", at: mention)
    }
    var own: [MeasureCells.Cell?] = []
    var pooled: [MeasureCells.Cell?] = []
    for key in 0..<data.keyCount {
      own.append(data.cell(kommune, key))
      var sum: MeasureCells.Cell = (0, 0)
      var any = false
      for name in others {
        guard let cell = data.cell(name, key) else { continue }
        sum = (sum.numerator + cell.numerator, sum.denominator + cell.denominator)
        any = true
      }
      pooled.append(any ? sum : nil)
    }
    guard own.contains(where: { ($0?.denominator ?? 0) > 0 }), pooled.contains(where: { ($0?.denominator ?? 0) > 0 })
    else {
      throw source.diagnostic("the denominator \(measure.denominator) is 0, so there is no rate to decompose", at: mention)
    }
    let parts = DecomposeOperator.parts(own: own, peers: pooled, scale: measure.scale)
    let value = DecomposeOperator.ratio(own, scale: measure.scale)
    let peerValue = DecomposeOperator.ratio(pooled, scale: measure.scale)
    let composition = parts.reduce(0) { $0 + $1.composition }
    let ratePart = parts.reduce(0) { $0 + $1.ratePart }

    let missing = parts.indices.filter { parts[$0].rate == nil || parts[$0].peerRate == nil }.map {
      (key: data.keyText($0), side: parts[$0].rate == nil ? kommune : "the peers")
    }
    let typedKeys = variableType != .string && data.keys.map { $0.type == variableType } == true
    notes += footer(
      value: value, peerValue: peerValue, composition: composition, ratePart: ratePart, missing: missing,
      typedKeys: typedKeys)

    let categories: Column
    if typedKeys, let keys = data.keys {
      // The key values in their own type; the total row's key is NULL.
      categories = keys.gather((0..<Int32(data.keyCount)).map { $0 } + [-1])
    } else {
      categories = AnalysisValues.stringColumn((0..<data.keyCount).map(data.keyText) + ["total"])
    }
    func column(_ values: [Double?], total: Double?) -> Column { AnalysisValues.doubleColumn(values + [total]) }
    return Table([
      (variable, categories),
      ("share", column(parts.map { 100 * $0.share }, total: 100)),
      ("rate", column(parts.map(\.rate), total: value)),
      ("peer_share", column(parts.map { 100 * $0.peerShare }, total: 100)),
      ("peer_rate", column(parts.map(\.peerRate), total: peerValue)),
      ("composition", column(parts.map(\.composition), total: composition)),
      ("rate_part", column(parts.map(\.ratePart), total: ratePart)),
    ])
  }

  /// The footer notes of a run: the measure and the peers, the gap split in two (the totals of
  /// rate, peer_rate, composition and rate_part), the definitions, the categories without a
  /// denominator on one side (`missing`: the key as text and that side), the group's details.
  func footer(
    value: Double?, peerValue: Double?, composition: Double, ratePart: Double,
    missing: [(key: String, side: String)], typedKeys: Bool
  ) -> [String] {
    var notes: [String] = []
    let points = measure.unit == "%" ? " percentage points" : ""
    notes.append("\(measure.text); peers: \(group.label), excluding \(kommune), pooled (sum / sum)")
    if let note = measure.noteLine { notes.append(note) }
    notes.append(
      "gap = \(AnalysisValues.format((value ?? 0) - (peerValue ?? 0)))\(points) = composition \(AnalysisValues.format(composition)) + rate \(AnalysisValues.format(ratePart))"
    )
    notes.append(
      "share, peer_share: % of the denominator (p, P); rate, peer_rate: r, R; composition = (p − P)·R; rate_part = p·(r − R)")
    for (key, side) in missing {
      notes.append(
        "\(variable) \(key) has no denominator for \(side): share 0 there, and the other side's rate is used in its place, so it adds nothing to that side"
      )
    }
    notes += group.details

    if typedKeys { notes.append("the row with \(variable) NULL is the total") }
    return notes
  }

  /// The notes of its whole SQL form run on an engine, told from the output: the gap's parts
  /// are the total row's, the categories without a denominator those whose rate or peer_rate is NULL.
  func notes(ofEngineResult output: Table) -> [String]? {
    guard output.rowCount > 0, let keys = output.column(named: variable),
      case .double(let rate)? = output.column(named: "rate"),
      case .double(let peerRate)? = output.column(named: "peer_rate"),
      case .double(let composition)? = output.column(named: "composition"),
      case .double(let ratePart)? = output.column(named: "rate_part")
    else { return nil }
    let total = output.rowCount - 1
    var missing: [(key: String, side: String)] = []
    for row in 0..<total where rate[row] == nil || peerRate[row] == nil {
      missing.append((keys.value(at: row).description, rate[row] == nil ? kommune : "the peers"))
    }
    return footer(
      value: rate[total], peerValue: peerRate[total], composition: composition[total] ?? 0,
      ratePart: ratePart[total] ?? 0, missing: missing, typedKeys: keys.type != .string)
  }
}
