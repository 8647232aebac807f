import TrappeBase
import TrappeStorage
import TrappeQuery

/// The subjects of `survival`: one (duration, event, entry) per spell (or merged spell of public
/// support, or person with `first`), with its `by` group and where it went.
///
/// Built from a spells table sorted by person and start week. A spell's duration counts from its
/// true start (the true-start column when given, else `start_uge`) to its last week, or to the
/// observation window's last week when it is still running (then censored); `entry` = the weeks it
/// had lasted before it was first observed (`start_uge − true start`), so that a spell running at
/// the window's start is at risk from its true duration on (delayed entry).
struct SurvivalSubjects {
  /// The `by` group of each subject (0 without `by`): the group of its first spell's row.
  var group: [Int32] = []
  /// Weeks from the true start to the last week (or the window's end when censored); 1 and up.
  var duration: [Int] = []
  /// Whether the subject ended in the event (else censored after `duration` weeks).
  var event: [Bool] = []
  /// Weeks already lasted when first observed (0 unless the true start is before `start_uge`).
  var entry: [Int] = []
  /// The status of the person's next spell when it follows directly; nil when still running
  /// or when no such spell is in the input.
  var destination: [String?] = []

  /// Spells ending before they start (or whose true start is after their start), left out.
  var invalid = 0
  /// Subjects counted from the window's first week without a true start (length-biased stock).
  var stockWithoutStart = 0
  /// Subjects that ended without a following spell of the person in the input.
  var unknownDestination = 0
  /// Subjects left out by `inflow`.
  var outsideInflow = 0
  /// Later subjects of a person left out by `first`.
  var laterOfPerson = 0
  /// The subjects entering late, when counted by an engine (``entry`` then stays empty).
  var delayedCount: Int? = nil

  var count: Int { duration.count }

  /// Options of the subjects.
  struct Options {
    /// Whether a subject's first status must be in `population` (the `for` statuses).
    var population: Set<String>
    /// Merge consecutive spells of public support (``BenefitStatus/support``).
    var support: Bool
    /// The event: moving to one of these statuses (empty: any end).
    var until: Set<String>
    /// Keep only subjects whose true start is in this range of week ordinals.
    var inflow: ClosedRange<Int32>?
    /// The column holding each spell's true start week, if any.
    var trueStart: String?
    /// Only the first subject per person.
    var firstOnly: Bool
    /// The observation window's first and last week (ordinals).
    var windowFirst: Int32
    var windowLast: Int32
  }

  init(_ input: Table, spells: SpellColumns, groupOf: [Int32]?, options: Options) throws(Diagnostic) {
    let n = spells.count
    let person = input.column(named: "person")
    let personGroup = person.map { GroupIndex.build(keys: [$0]).groupOf }
    let order: [Int32] =
      person.map { SortKernel.permutation(keys: [$0, .period(spells.start)], descending: [false, false]) }
      ?? Array(0..<Int32(n))
    var trueStarts: PeriodColumn?
    if let name = options.trueStart {
      guard case .period(let column)? = input.column(named: name), column.unit == .week else {
        throw Diagnostic(.error, "the true-start column '\(name)' must be ISO weeks (like 2006W40)")
      }
      trueStarts = column
    }
    let dictionary = spells.status.dictionary
    let codes = spells.status.widenedCodes()
    let inPopulation = dictionary.map { options.population.contains($0) }
    let isSupport = dictionary.map { BenefitStatus.support.contains($0) }
    let isTarget = dictionary.map { options.until.contains($0) }
    let starts = spells.start.ordinals
    let ends = spells.end.ordinals
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    func valid(_ row: Int) -> Bool {
      (!startValid.hasNulls || startValid.isValid(row)) && (!statusValid.hasNulls || statusValid.isValid(row))
    }
    func isOpen(_ row: Int) -> Bool { endValid.hasNulls && !endValid.isValid(row) }
    func samePerson(_ a: Int, _ b: Int) -> Bool {
      guard let personGroup else { return false }
      return personGroup[a] == personGroup[b]
    }
    var lastPersonTaken: Int32 = -1
    var i = 0
    while i < n {
      let row = Int(order[i])
      guard valid(row) else {
        i += 1
        continue
      }
      let code = Int(codes[row])
      // The rows of this subject: order[i...j].
      var j = i
      if options.support {
        guard isSupport[code] else {
          i += 1
          continue
        }
        while j + 1 < n {
          let current = Int(order[j])
          let next = Int(order[j + 1])
          guard !isOpen(current), samePerson(current, next), valid(next), isSupport[Int(codes[next])],
            starts[next] == ends[current] + 1
          else { break }
          j += 1
        }
      } else if !inPopulation[code] {
        i += 1
        continue
      }
      defer { i = j + 1 }
      if options.support, !options.population.isEmpty, !inPopulation[code] { continue }
      let last = Int(order[j])
      let observedStart = starts[row]
      var trueStart = observedStart
      if let trueStarts, trueStarts.validity.isValid(row) {
        let value = trueStarts.ordinals[row]
        if value > observedStart {
          invalid += 1
          continue
        }
        trueStart = value
      }
      if let inflow = options.inflow, !inflow.contains(trueStart) {
        outsideInflow += 1
        continue
      }
      let open = isOpen(last) || ends[last] > options.windowLast
      let end = open ? options.windowLast : ends[last]
      let weeks = Int(end - trueStart) + 1
      let entered = Int(observedStart - trueStart)
      guard weeks >= 1, entered < weeks else {
        invalid += 1
        continue
      }
      if options.firstOnly, let personGroup {
        if personGroup[row] == lastPersonTaken {
          laterOfPerson += 1
          continue
        }
        lastPersonTaken = personGroup[row]
      }
      var destinationStatus: String?
      var ended = !open
      if !open {
        if j + 1 < n, samePerson(last, Int(order[j + 1])), starts[Int(order[j + 1])] == ends[last] + 1,
          valid(Int(order[j + 1]))
        {
          let next = Int(codes[Int(order[j + 1])])
          destinationStatus = dictionary[next]
          if !options.until.isEmpty { ended = isTarget[next] }
        } else {
          unknownDestination += 1
          if !options.until.isEmpty { ended = false }
        }
      }
      if trueStarts == nil, observedStart <= options.windowFirst { stockWithoutStart += 1 }
      group.append(groupOf.map { $0[row] } ?? 0)
      duration.append(weeks)
      event.append(ended)
      entry.append(entered)
      destination.append(destinationStatus)
    }
  }
}
