
/// The spell statuses that count as being on benefit, for `survival`.
enum BenefitStatus {
  /// The default statuses of `survival`: the cash and insurance benefits, not activation,
  /// education, self-support or early retirement.
  static let defaults = ["kontanthjælp", "starthjælp", "introduktionsydelse", "sygedagpenge", "a-dagpenge"]

  /// The status a person has in a week no spell covers, in `flow`.
  static let notInData = "ikke i data"
}
