
/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01).
///
/// The conversions follow Howard Hinnant's public-domain `days_from_civil`
/// algorithms; they need no Foundation and no time zone.
package enum CivilDate {
  /// Day number of Monday 5 January 1970, the first Monday after the epoch.
  package static let referenceMonday = 4

  /// The day number of a calendar date.
  package static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = y.floorDiv(400)
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The calendar date of a day number.
  package static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = z.floorDiv(146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Day of the week, Monday = 0 ... Sunday = 6.
  package static func weekday(_ days: Int) -> Int {
    (days - referenceMonday).floorMod(7)
  }

  /// The Monday of ISO week 1 of `year`: the week that holds 4 January.
  package static func mondayOfISOWeekOne(_ year: Int) -> Int {
    let fourth = days(year: year, month: 1, day: 4)
    return fourth - weekday(fourth)
  }

  /// The number of ISO weeks (52 or 53) in `year`.
  package static func isoWeeks(in year: Int) -> Int {
    (mondayOfISOWeekOne(year + 1) - mondayOfISOWeekOne(year)) / 7
  }
}
