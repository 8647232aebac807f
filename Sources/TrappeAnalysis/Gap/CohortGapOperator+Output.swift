import TrappeBase
import TrappeStorage

extension CohortGapOperator {
  /// The footer notes: the cohort's definition, each target's definition, the cut-off rule, the target date and the pace.
  func describe(
    rows: [CohortGapCell], cutOffs: [CohortCutOff], start: Period, spells: SpellColumns, totals: [[CohortTotals]],
    chosen: [String]
  ) -> [String] {
    var notes: [String] = []
    let first = Period(unit: .week, ordinal: spells.firstWeek)
    let effort = targets.compactMap(\.effortStart).min()
    let why: String
    if self.start != nil {
      why = "start written with from"
    } else if let effort, start == first, CohortDefinition.firstWeek(of: effort) < first {
      why = "start = the data's first week: the effort began \(effort) (maal.indsats_fra), before the data"
    } else if let effort {
      why = "start = the effort's first week, \(effort) (maal.indsats_fra)"
    } else {
      why = "start = the data's first week"
    }
    let persons = totals.map { $0.first?.persons ?? 0 }.reduce(0, +)
    let places = chosen.count == 1 ? "municipality" : "municipalities"
    notes.append(
      "cohort: persons on \(CohortDefinition.cohortStatuses.joined(separator: " or ")) in \(start), followed wherever "
        + "they go (\(persons) persons in \(chosen.count) \(places)); \(why)")
    notes.append(
      "not checked: 'out of the labour market for a year before the start' (Ny Chance's definition): "
        + "the spells begin \(first)")
    for target in targets { notes.append(CohortDefinition.definition(of: target.id)) }
    notes.append(
      "targets (maal): "
        + targets.map { "\($0.id) \($0.comparison.rawValue) \(GapOperator.number($0.threshold)) %" }
        .joined(separator: ", ") + "; source: "
        + GapOperator.unique(targets.map(\.source)).joined(separator: "; "))
    let rule = "cut-off week = the last ISO week whose Thursday falls in data_til's month"
    if rounds != nil {
      let source: String
      switch lag {
      case nil: source = "data_til = runder.data_til, 2 months before the round (DREAM lag)"
      case 0?: source = "data_til = the round's month (lag=0: no DREAM lag)"
      case let n?: source = "data_til = \(n) month\(n == 1 ? "" : "s") before the round (lag=\(n))"
      }
      let listed = cutOffs.map { "round \($0.round.map(String.init) ?? "?") \($0.dataTil) → \($0.week)" }
      notes.append("cut-off: \(source); \(rule): " + listed.joined(separator: ", "))
      var dates: [String] = []
      for target in targets {
        if let month = target.targetMonth, let week = target.targetWeek {
          let after = cutOffs.filter { $0.week > week }.compactMap(\.round).map(String.init)
          let text =
            "\(month) (\(week))" + (after.isEmpty ? ": no round is after it" : ": round \(after.joined(separator: ", ")) after it")
          if !dates.contains(text) { dates.append(text) }
        }
      }
      if dates.isEmpty {
        notes.append("after_target NULL: maal has no indsats_til, so there is no target date")
      } else {
        notes.append(
          "target date (the effort's end, maal.indsats_til): \(dates.joined(separator: "; ")); "
            + "after_target = true marks results after the target date")
      }
      notes.append(
        "pace_pp_month: value change per month between consecutive cut-offs (data_til months apart); "
          + "months_to_target at that pace")
    } else if let cutOff = cutOffs.first {
      notes.append(
        "judged at the target date \(cutOff.dataTil) (the effort's end, maal.indsats_til): cut-off \(cutOff.week), "
          + "the last ISO week whose Thursday falls in that month; by runde shows each round")
    }
    let inPersons = targets.filter { CohortDefinition.unit(of: $0.id) == "persons" }.map(\.id)
    let inWeeks = targets.filter { CohortDefinition.unit(of: $0.id) != "persons" }.map(\.id)
    if !inPersons.isEmpty {
      notes.append("numerator, denominator and short in persons: \(inPersons.joined(separator: ", "))")
    }
    if !inWeeks.isEmpty {
      notes.append("numerator, denominator and short in person-weeks: \(inWeeks.joined(separator: ", "))")
    }
    let outside = cutOffs.filter { $0.week.ordinal < start.ordinal || $0.week.ordinal > spells.lastWeek }
    if !outside.isEmpty {
      notes.append(
        "value NULL, cut-off outside \(start)–\(Period(unit: .week, ordinal: spells.lastWeek)): "
          + outside.map { ($0.round.map { "round \($0) " } ?? "") + $0.week.description }.joined(separator: ", "))
    }
    let empty = rows.filter { $0.denominator == 0 }.map { "\($0.kommune) \($0.target)" }
    if !empty.isEmpty { notes.append("value NULL, denominator 0: " + GapOperator.listed(GapOperator.unique(empty))) }
    return notes
  }

  /// The output table.
  func table(_ rows: [CohortGapCell]) -> Table {
    var named: [(String, Column)] = [("kommune", .string(StringColumn(rows.map { Optional($0.kommune) })))]
    if rounds != nil { named.append(("runde", GapOperator.ints(rows.map(\.round)))) }
    var weeks = ValidityMask(allValid: 0)
    for _ in rows { weeks.append(true) }
    named += [
      ("maal", .string(StringColumn(rows.map { Optional($0.target) }))),
      ("cut_off", .period(PeriodColumn(unit: .week, ordinals: rows.map(\.cutOff.ordinal), validity: weeks))),
      ("numerator", GapOperator.ints(rows.map(\.numerator))),
      ("denominator", GapOperator.ints(rows.map(\.denominator))),
      ("value", GapOperator.doubles(rows.map(\.value))),
      ("threshold", GapOperator.doubles(rows.map { Optional($0.threshold) })),
      ("gap_pp", GapOperator.doubles(rows.map(\.gap))),
      ("met", GapOperator.bools(rows.map(\.met))),
      ("short", GapOperator.ints(rows.map(\.short))),
    ]
    if rounds != nil {
      named += [
        ("pace_pp_month", GapOperator.doubles(rows.map(\.pace))),
        ("months_to_target", GapOperator.ints(rows.map(\.months))),
        ("trend", .string(StringColumn(rows.map(\.trend)))),
        ("after_target", GapOperator.bools(rows.map(\.afterTarget))),
      ]
    }
    return Table(named)
  }
}
