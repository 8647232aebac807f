import TrappeStorage

/// What `gap … cohort` counts: which statuses put a person in the Ny Chance cohort, which count as
/// self-supporting, as activation and as the cohort's own benefit, and how months become weeks.
///
/// The statuses are those of `forloeb`. The cohort is the persons on kontanthjælp or starthjælp
/// (the Ny Chance benefits, `ydelser.ny_chance`; introduktionsydelse is not one) in the start week.
enum CohortDefinition {
  /// The statuses that put a person in the cohort in the start week.
  static let cohortStatuses = ["kontanthjælp", "starthjælp"]
  /// Self-supporting: in a job or in education (target 1 counts a start, target 2 the weeks).
  static let selfSupporting = ["selvforsørgende", "uddannelse"]
  /// Activation (target 3's numerator).
  static let activation = "aktivering"
  /// Target 3's denominator: weeks on the cohort's own benefits, activation included.
  static var onSupport: [String] { cohortStatuses + [activation] }

  /// The three Ny Chance targets `gap … cohort` computes, by `maal_id`.
  static let targetIDs = ["i_gang", "selvforsoergende", "aktivering"]

  /// The footer's words for each target's numerator / denominator.
  static func definition(of id: String) -> String {
    switch id {
    case "i_gang":
      return "i_gang = persons who started a job or education (selvforsørgende, uddannelse) by the cut-off / cohort persons"
    case "selvforsoergende":
      return "selvforsoergende = weeks selvforsørgende or uddannelse / all the cohort's weeks, start to cut-off"
    default:
      return "aktivering = weeks in aktivering / weeks on kontanthjælp, starthjælp or in aktivering, start to cut-off "
        + "(self-supporting weeks and other benefits' weeks are not in the denominator)"
    }
  }

  /// The unit of a target's numerator and denominator.
  static func unit(of id: String) -> String { id == "i_gang" ? "persons" : "person-weeks" }

  /// The last ISO week of `month`: the last week whose Thursday falls in the month.
  static func lastWeek(of month: Period) -> Period {
    let year = month.year
    let number = month.month ?? 1
    let next = number == 12 ? CivilDate.days(year: year + 1, month: 1, day: 1) : CivilDate.days(year: year, month: number + 1, day: 1)
    let lastDay = next - 1
    let monday = lastDay - CivilDate.weekday(lastDay)
    let chosen = monday + 3 <= lastDay ? monday : monday - 7
    return Period(unit: .week, ordinal: Int32((chosen - CivilDate.referenceMonday).floorDiv(7)))
  }

  /// The first ISO week of `month`: the first week whose Thursday falls in the month.
  static func firstWeek(of month: Period) -> Period {
    let first = CivilDate.days(year: month.year, month: month.month ?? 1, day: 1)
    let monday = first - CivilDate.weekday(first)
    let chosen = monday + 3 >= first ? monday : monday + 7
    return Period(unit: .week, ordinal: Int32((chosen - CivilDate.referenceMonday).floorDiv(7)))
  }
}
