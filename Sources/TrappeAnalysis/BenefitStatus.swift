
/// The spell statuses that count as being on benefit or on public support, for `survival`.
enum BenefitStatus {
  /// The benefits (the rows of `ydelser`, fleksjob excepted: it is a job with a wage subsidy):
  /// the statuses `survival` without `for` offers to choose from.
  static let benefits = [
    "kontanthjælp", "starthjælp", "introduktionsydelse", "a-dagpenge", "sygedagpenge", "ledighedsydelse",
    "revalidering", "uddannelseshjælp", "ressourceforløb", "førtidspension",
  ]

  /// Public support, as DREAM counts it: the benefits and activation (`aktivering`, still on
  /// public support). `survival … on support` merges consecutive spells of these into one.
  /// Not support: selvforsørgende, uddannelse (SU), ikke i data.
  static let support = benefits + ["aktivering"]

  /// The status a person has in a week no spell covers, in `flow`.
  static let notInData = "ikke i data"
}
