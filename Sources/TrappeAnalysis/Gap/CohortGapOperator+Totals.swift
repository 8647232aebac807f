import TrappeBase
import TrappeStorage
import TrappeQuery

extension CohortGapOperator {
  /// The cohort's counts per municipality (the index of its name in `kommuner`) and cut-off week.
  ///
  /// A person is in the cohort when a spell with a cohort status (kontanthjælp, starthjælp)
  /// covers `start`; the municipality is that spell's. Every spell of a cohort person is then
  /// clipped to `start…cutOff` (a NULL `slut_uge` runs past every cut-off) and its weeks added to
  /// its status's count; a job or education spell overlapping `start…cutOff` makes the person
  /// "started" by that cut-off. Persons whose municipality is not in `kommuner` are skipped.
  static func totals(
    spells: SpellColumns, persons: GroupIndex, kommune: StringColumn, kommuner: [String], start: Int32,
    cutOffs: [Int32]
  ) -> [[CohortTotals]] {
    var result = [[CohortTotals]](repeating: [CohortTotals](repeating: CohortTotals(), count: cutOffs.count), count: kommuner.count)
    // The class of each status code: 0 other, 1 cohort benefit, 2 self-supporting, 3 activation.
    let classes: [UInt8] = spells.status.dictionary.map { name in
      if CohortDefinition.cohortStatuses.contains(name) { return 1 }
      if CohortDefinition.selfSupporting.contains(name) { return 2 }
      if name == CohortDefinition.activation { return 3 }
      return 0
    }
    let kommuneIndex: [Int32] = kommune.dictionary.map { name in Int32(kommuner.firstIndex(of: name) ?? -1) }
    // Each person's municipality index when in the cohort, else -1.
    var member = [Int32](repeating: -1, count: persons.groupCount)
    // Each cohort person's first week self-supporting at or after `start`; Int32.max = never.
    var firstSelf = [Int32](repeating: Int32.max, count: persons.groupCount)
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    let kommuneValid = kommune.validity
    let open = Int32.max
    spells.start.ordinals.withUnsafeBufferPointer { starts in
      spells.end.ordinals.withUnsafeBufferPointer { ends in
        spells.status.widenedCodes().withUnsafeBufferPointer { codes in
          persons.groupOf.withUnsafeBufferPointer { personOf in
            kommune.widenedCodes().withUnsafeBufferPointer { kommuneCodes in
              // Pass 1: who is in the cohort, and where.
              for row in 0..<starts.count {
                if startValid.hasNulls, !startValid.isValid(row) { continue }
                if statusValid.hasNulls, !statusValid.isValid(row) { continue }
                if kommuneValid.hasNulls, !kommuneValid.isValid(row) { continue }
                guard classes[Int(codes[row])] == 1 else { continue }
                let last = (!endValid.hasNulls || endValid.isValid(row)) ? ends[row] : open
                guard starts[row] <= start, start <= last else { continue }
                let person = Int(personOf[row])
                if member[person] < 0 { member[person] = kommuneIndex[Int(kommuneCodes[row])] }
              }
              // Pass 2: the cohort's weeks up to each cut-off.
              for row in 0..<starts.count {
                if startValid.hasNulls, !startValid.isValid(row) { continue }
                if statusValid.hasNulls, !statusValid.isValid(row) { continue }
                let person = Int(personOf[row])
                let k = Int(member[person])
                guard k >= 0 else { continue }
                let last = (!endValid.hasNulls || endValid.isValid(row)) ? ends[row] : open
                guard last >= start else { continue }
                let first = max(starts[row], start)
                let kind = classes[Int(codes[row])]
                if kind == 2, first < firstSelf[person] { firstSelf[person] = first }
                for (j, cutOff) in cutOffs.enumerated() where first <= cutOff {
                  let weeks = Int64(min(last, cutOff) - first + 1)
                  result[k][j].weeks += weeks
                  switch kind {
                  case 1: result[k][j].supportWeeks += weeks
                  case 2: result[k][j].selfWeeks += weeks
                  case 3:
                    result[k][j].supportWeeks += weeks
                    result[k][j].activationWeeks += weeks
                  default: break
                  }
                }
              }
            }
          }
        }
      }
    }
    for person in 0..<persons.groupCount where member[person] >= 0 {
      let k = Int(member[person])
      for (j, cutOff) in cutOffs.enumerated() {
        result[k][j].persons += 1
        if firstSelf[person] <= cutOff { result[k][j].started += 1 }
      }
    }
    return result
  }
}
