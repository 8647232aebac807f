
/// The five VIP2 evaluation rounds ("evalueringsnedslag") and the generator's targets per round.
///
/// Dates from the evaluation design (seed 002): September 2007, January 2008, March 2008,
/// September 2008 and March 2009. The national targets encode the boom until autumn 2008 and
/// the downturn after it. Round 1 carries the Ny Chance first-year national figure of 13 %
/// started job or education (TV2 Fyn, `ny_chance_reference.csv`): the Ny Chance year is July
/// 2006 – June 2007, and round 1's 12-month window (September 2006 – August 2007) is the
/// nearest to it, two months later (round 3's, April 2007 – March 2008, is nine months later).
struct EvaluationRound {
  /// The round number, 1–5.
  var number: Int
  /// The calendar year of the round.
  var year: Int
  /// The month of the round (its measures are taken on the 1st).
  var month: Int
  /// The ISO week the flow analysis reads status in.
  var week: (year: Int, week: Int)
  /// The share of the long-term stock in all kontanthjælp recipients relative to round 1.
  var longTermFactor: Double
  /// Share of a method municipality's round-1 to round-5 decline reached by this round.
  var declineProgress: Double
  /// National share of the target group who started job or education in the 12 months before.
  var startedShare: Double
  /// National share of the target group's weeks spent self-supporting.
  var selfSupportingShare: Double
  /// National share of the target group's weeks spent in activation.
  var activationShare: Double

  /// The five rounds.
  static let all: [EvaluationRound] = [
    EvaluationRound(
      number: 1, year: 2007, month: 9, week: (2007, 36), longTermFactor: 1.00,
      declineProgress: 0, startedShare: 0.130, selfSupportingShare: 0.075, activationShare: 0.30),
    EvaluationRound(
      number: 2, year: 2008, month: 1, week: (2008, 2), longTermFactor: 0.97,
      declineProgress: 0.30, startedShare: 0.134, selfSupportingShare: 0.080, activationShare: 0.33),
    EvaluationRound(
      number: 3, year: 2008, month: 3, week: (2008, 10), longTermFactor: 0.95,
      declineProgress: 0.55, startedShare: 0.138, selfSupportingShare: 0.088, activationShare: 0.35),
    EvaluationRound(
      number: 4, year: 2008, month: 9, week: (2008, 36), longTermFactor: 0.88,
      declineProgress: 1.20, startedShare: 0.148, selfSupportingShare: 0.102, activationShare: 0.37),
    EvaluationRound(
      number: 5, year: 2009, month: 3, week: (2009, 10), longTermFactor: 0.86,
      declineProgress: 1.00, startedShare: 0.108, selfSupportingShare: 0.082, activationShare: 0.385),
  ]

  /// The round whose national started share is the Ny Chance first-year figure (13 %).
  static let firstYearRound = 1
}
