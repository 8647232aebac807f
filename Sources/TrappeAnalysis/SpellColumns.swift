import TrappeBase
import TrappeStorage

/// The columns of a spells table (`forloeb`) that `flow` and `survival` read, typed.
///
/// A spell runs from `start_uge` to `slut_uge` (ISO weeks, both included); a NULL
/// `slut_uge` means the spell was still running when observation ended, which is
/// taken as the largest week in the table.
struct SpellColumns {
  /// First week of each spell (week ordinals).
  let start: PeriodColumn
  /// Last week of each spell; NULL when censored.
  let end: PeriodColumn
  /// Each spell's status.
  let status: StringColumn
  /// The first observed week: the smallest `start_uge`.
  let firstWeek: Int32
  /// The last observed week: the largest `start_uge` or `slut_uge`.
  let lastWeek: Int32

  /// The number of spells.
  var count: Int { start.count }

  /// The statuses with `ikke i data` (no spell covers the week) as one of them, and its code:
  /// flow's status dictionary, where a person without a spell at a point has that status.
  var statusesWithNotInData: (dictionary: [String], notInData: Int32) {
    var dictionary = status.dictionary
    if let index = dictionary.firstIndex(of: BenefitStatus.notInData) { return (dictionary, Int32(index)) }
    dictionary.append(BenefitStatus.notInData)
    return (dictionary, Int32(dictionary.count - 1))
  }

  /// Reads the spell columns of `table`; nil when the table has no spell with a start week.
  init?(_ table: Table) throws(Diagnostic) {
    guard case .period(let start)? = table.column(named: "start_uge"),
      case .period(let end)? = table.column(named: "slut_uge"),
      case .string(let status)? = table.column(named: "status")
    else {
      throw Diagnostic(.error, "the input needs the columns start_uge, slut_uge (weeks) and status (text)")
    }
    guard start.unit == .week, end.unit == .week else {
      throw Diagnostic(.error, "start_uge and slut_uge must be ISO weeks (like 2008W05)")
    }
    var first = Int32.max
    var last = Int32.min
    let startValid = start.validity
    let endValid = end.validity
    start.ordinals.withUnsafeBufferPointer { starts in
      end.ordinals.withUnsafeBufferPointer { ends in
        for row in 0..<starts.count {
          if !startValid.hasNulls || startValid.isValid(row) {
            first = min(first, starts[row])
            last = max(last, starts[row])
          }
          if !endValid.hasNulls || endValid.isValid(row) {
            last = max(last, ends[row])
          }
        }
      }
    }
    guard first <= last else { return nil }
    self.start = start
    self.end = end
    self.status = status
    firstWeek = first
    lastWeek = last
  }

  /// The first and last observed weeks, as text: `2007W01–2009W26`.
  var coverage: String {
    "\(Period(unit: .week, ordinal: firstWeek))–\(Period(unit: .week, ordinal: lastWeek))"
  }
}
