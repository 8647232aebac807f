import TrappeBase
import TrappeStorage
import TrappeQuery

/// `bench … ci` (or `.ci on`): 95 % intervals on the pooled values and on the differences.
///
/// value, peer_value and national_value get `_lo`/`_hi` by the measure's ``RateIntervalMethod``
/// on the pooled numerator and denominator; diff_peers, diff_national (and did_peers,
/// did_national with `by`) get `_lo`/`_hi` by MOVER from the intervals of their terms (Newcombe's
/// hybrid score interval for a difference of two Wilson intervals) and `_sig`, true when the
/// interval leaves out 0. top10_value gets none: its members are chosen by the outcome.
extension BenchOperator {
  /// The interval columns' names, in output order.
  var intervalColumnNames: [String] {
    var names = ["value_lo", "value_hi", "peer_value_lo", "peer_value_hi", "national_value_lo", "national_value_hi"]
    for diff in ["diff_peers", "diff_national"] + (period == nil ? [] : ["did_peers", "did_national"]) {
      names += ["\(diff)_lo", "\(diff)_hi", "\(diff)_sig"]
    }
    return names
  }

  /// The interval columns' plan types.
  var intervalPlanColumns: [PlanColumn] {
    intervals
      ? intervalColumnNames.map { PlanColumn(name: $0, type: $0.hasSuffix("_sig") ? .bool : .double) } : []
  }

  /// The interval of the pooled value of `names` at `key` (nil with `unweighted` or nothing to pool).
  func pooledInterval(_ names: [String], _ key: Int, data: MeasureCells, method: RateIntervalMethod) -> RateInterval? {
    guard !unweighted else { return nil }
    var numerator = 0.0
    var denominator = 0.0
    for name in names {
      guard let c = data.cell(name, key) else { continue }
      numerator += c.numerator
      denominator += c.denominator
    }
    return method.interval(numerator: numerator, denominator: denominator, measure: measure)
  }

  /// The interval columns for the output rows `rows` (municipality, key index), with the
  /// point values already computed.
  func intervalColumns(
    rows: [(name: String, key: Int)], value: [Double?], peer: [Double?], national: [Double?],
    data: MeasureCells, expected: BenchExpectedValues?
  ) -> [(String, Column)] {
    let method = RateIntervalMethod(measure)
    let everyone = data.municipalities
    var out: [String: [Double?]] = [:]
    var flags: [String: [Bool?]] = [:]
    // (estimate, interval) per row of each pooled value, for the differences.
    var own: [(Double, RateInterval)?] = []
    var peers: [(Double, RateInterval)?] = []
    var country: [(Double, RateInterval)?] = []
    var nationalByKey: [Int: RateInterval?] = [:]
    for (index, row) in rows.enumerated() {
      let v = pooledInterval([row.name], row.key, data: data, method: method)
      let p: RateInterval?
      if expected != nil {
        // A published expected level is taken as fixed: no sampling interval of its own.
        p = peer[index].map { RateInterval(low: $0, high: $0) }
      } else {
        let others = (group.members[row.name] ?? []).filter { data.has($0) }
        p = others.isEmpty ? nil : pooledInterval(others, row.key, data: data, method: method)
      }
      if nationalByKey[row.key] == nil {
        nationalByKey[row.key] = pooledInterval(everyone, row.key, data: data, method: method)
      }
      let n = nationalByKey[row.key] ?? nil
      out["value_lo", default: []].append(v?.low)
      out["value_hi", default: []].append(v?.high)
      out["peer_value_lo", default: []].append(expected == nil ? p?.low : nil)
      out["peer_value_hi", default: []].append(expected == nil ? p?.high : nil)
      out["national_value_lo", default: []].append(n?.low)
      out["national_value_hi", default: []].append(n?.high)
      own.append(zip(value[index], v))
      peers.append(zip(peer[index], p))
      country.append(zip(national[index], n))
    }
    func add(_ name: String, _ terms: [(Double, (Double, RateInterval)?)]?) {
      var low: Double?
      var high: Double?
      var sig: Bool?
      if let terms, terms.allSatisfy({ $0.1 != nil }) {
        let result = RateInterval.combination(
          terms.compactMap { term in term.1.map { (sign: term.0, estimate: $0.0, interval: $0.1) } })
        low = result.interval.low
        high = result.interval.high
        sig = result.interval.excludesZero
      }
      out["\(name)_lo", default: []].append(low)
      out["\(name)_hi", default: []].append(high)
      flags["\(name)_sig", default: []].append(sig)
    }
    for index in rows.indices {
      add("diff_peers", [(1, own[index]), (-1, peers[index])])
      add("diff_national", [(1, own[index]), (-1, country[index])])
      guard period != nil else { continue }
      // The previous key's row of the same municipality is the row before, as run(_:notes:) builds them.
      let first = index == 0 || rows[index - 1].name != rows[index].name
      add("did_peers", first ? nil : [(1, own[index]), (-1, own[index - 1]), (-1, peers[index]), (1, peers[index - 1])])
      add(
        "did_national",
        first ? nil : [(1, own[index]), (-1, own[index - 1]), (-1, country[index]), (1, country[index - 1])])
    }
    return intervalColumnNames.map { name in
      name.hasSuffix("_sig")
        ? (name, GapOperator.bools(flags[name] ?? []))
        : (name, AnalysisValues.doubleColumn(out[name] ?? []))
    }
  }

  /// The footer lines saying how the intervals are computed.
  func intervalNotes() -> [String] {
    if unweighted {
      return ["ci: no intervals with unweighted (a plain mean of rates has no pooled count to take them from): the _lo/_hi columns are NULL"]
    }
    let method = RateIntervalMethod(measure)
    var lines = [method.note(measure)]
    lines.append(
      "ci: diff_*_lo/_hi by MOVER from the two intervals (for Wilson: Newcombe's hybrid score interval), treating the two sides as independent; _sig = the interval leaves out 0. "
        + "Municipalities are not independent samples: national_value includes the municipality itself (positively correlated, so diff_national's interval is too wide), "
        + (group.expected
          ? "the expected value is taken as fixed (no interval of its own)"
          : "and the peers are treated as a fixed group although they were chosen by the data")
        + "; top10_value has no interval (its members are chosen by the outcome, winner's curse)")
    if period != nil {
      lines.append(
        "ci: did_*_lo/_hi combine the four values' intervals as independent; consecutive rounds share persons, which makes them conservative for the municipality's own change")
    }
    return lines
  }

  private func zip(_ estimate: Double?, _ interval: RateInterval?) -> (Double, RateInterval)? {
    guard let estimate, let interval else { return nil }
    return (estimate, interval)
  }
}
