import TrappeStorage

/// The caution `change`, `prev` and `next` give when their order key is a period and a row is
/// compared with a row more than the expected number of periods away.
///
/// These functions are row-based (SQL's lag/lead): after `where aar in (2009, 2019)`,
/// `change(x) over kommune order by aar` is a ten-year change. The result is kept, and the
/// session says how many rows compare across a gap, with the first such pair, e.g.
/// "change: 98 rows compare with a row more than one period away (aar 2009 → 2019)".
/// Rows compared with a row of the same period (as in `change(x) order by aar` over all
/// municipalities, without `over kommune`) get a caution of their own; NULL keys are skipped.
enum PeriodGapCheck {
  /// The cautions for `function` (its name) comparing each row with the row `offset` rows
  /// before it (`offset` < 0: after it) in the window's order: one for rows more than |offset|
  /// periods away, one for rows fewer periods away (the same period: a partition key is
  /// probably missing); none when every pair is exactly |offset| periods apart.
  static func cautions(
    function: String, key: String, offset: Int, partition: [Column], order: [Column], descending: [Bool]
  ) -> [String] {
    guard let last = order.last, offset != 0 else { return [] }
    let values: [Int64]
    let validity: ValidityMask
    var unit: PeriodUnit?
    switch last {
    case .int64(let c):
      values = c.widenedValues()
      validity = c.validity
    case .period(let c):
      values = c.ordinals.converted { Int64($0) }
      validity = c.validity
      unit = c.unit
    default:
      return []
    }
    let layout = WindowLayout(
      count: last.count, partition: partition, order: order, descending: descending, peers: false)
    let span = UInt64(offset.magnitude)
    var far = 0
    var near = 0
    var farExample: (Int64, Int64)?
    var nearExample: (Int64, Int64)?
    for k in 0..<(layout.partitionStarts.count - 1) {
      let start = layout.partitionStarts[k]
      let end = layout.partitionStarts[k + 1]
      for p in start..<end {
        let target = p - offset
        guard target >= start && target < end else { continue }
        let row = Int(layout.rows[p])
        let other = Int(layout.rows[target])
        guard validity.isValid(row), validity.isValid(other) else { continue }
        let (difference, overflow) = values[row].subtractingReportingOverflow(values[other])
        let pair = (min(values[row], values[other]), max(values[row], values[other]))
        if overflow || difference.magnitude > span {
          far += 1
          if farExample == nil { farExample = pair }
        } else if difference.magnitude < span {
          near += 1
          if nearExample == nil { nearExample = pair }
        }
      }
    }
    func text(_ v: Int64) -> String {
      guard let unit, let ordinal = Int32(exactly: v) else { return String(v) }
      return Period(unit: unit, ordinal: ordinal).description
    }
    let distance = span == 1 ? "one period" : "\(span) periods"
    func rows(_ n: Int) -> String { "\(n) \(n == 1 ? "row compares" : "rows compare")" }
    var cautions: [String] = []
    if let (from, to) = farExample {
      cautions.append(
        "\(function): \(rows(far)) with a row more than \(distance) away (\(key) \(text(from)) → \(text(to)))")
    }
    if let (from, to) = nearExample {
      cautions.append(
        "\(function): \(rows(near)) with a row less than \(distance) away (\(key) \(text(from)) → \(text(to))); "
          + "is a key missing from over?")
    }
    return cautions
  }
}
