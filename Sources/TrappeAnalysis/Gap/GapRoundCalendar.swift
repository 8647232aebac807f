import TrappeStorage

/// The dates behind `gap … by runde` on the rolling measures: each round's month (`runder.maaned`)
/// and the target date (`maal.indsats_til`), for the footer's warning about uneven rounds and
/// rounds after the target date.
struct GapRoundCalendar: Sendable, Equatable {
  /// Each round and its month, in round order.
  var rounds: [(round: Int64, month: Period)]
  /// The target date (the effort's end), if maal records it.
  var targetMonth: Period?

  static func == (lhs: GapRoundCalendar, rhs: GapRoundCalendar) -> Bool {
    lhs.targetMonth == rhs.targetMonth && lhs.rounds.map(\.round) == rhs.rounds.map(\.round)
      && lhs.rounds.map(\.month) == rhs.rounds.map(\.month)
  }

  /// The footer line: months between rounds, the rounds after the target date, and where the cohort version is.
  var note: String {
    let months = zip(rounds, rounds.dropFirst()).map { String($1.month.ordinal - $0.month.ordinal) }
    var parts: [String] = []
    if let targetMonth {
      let after = rounds.filter { $0.month > targetMonth }.map { String($0.round) }
      if !after.isEmpty {
        parts.append("round \(after.joined(separator: ", ")) after the target date \(targetMonth) (maal.indsats_til)")
      }
    }
    parts.append("rounds \(months.joined(separator: ", ")) months apart (runder.maaned): rounds_to_target counts uneven steps")
    parts.append("gap … cohort by runde judges at the target date and paces per month")
    return parts.joined(separator: "; ")
  }

  /// The calendar from `runder` (runde, maaned) and maal's indsats_til, or nil when runder lacks them.
  init?(runder: Table?, maal: Table?) {
    guard let runder, let rounds = EvaluationRound.all(in: runder), rounds.count >= 2 else { return nil }
    self.rounds = rounds.map { ($0.round, $0.month) }
    var target: Period?
    if let maal, case .period(let column)? = maal.column(named: "indsats_til"), column.unit == .month {
      target = (0..<column.count).compactMap { column[$0] }.max()
    }
    self.targetMonth = target
  }
}
