
/// Illustrative assumptions per VIP2 method municipality (no source gives these per municipality).
///
/// The ranges come from the seeds: ethnic minorities are a quarter to a half of the Ny Chance
/// target group (seed 002: "mellem en fjerdedel og halvdelen"), their employment rate ranges
/// 43–57 % (seed 002: "fra 43 pct. til knap 57 pct."). Seed 001 says ethnic-minority citizens on
/// public support fell by a fifth in Slagelse and by about 15 % "i hovedparten af de øvrige
/// metodekommuner"; the generator applies that fall to the indvandrer/efterkommer part of the
/// target group only, and to three of the four others (Fredensborg falls less). Which
/// municipality sits where in each range, and which one falls less, is invented (illustrative).
struct MethodProfile {
  /// The municipality code.
  var code: Int
  /// Minority share (indvandrer + efterkommer) of the target group in round 1.
  var minorityShare: Double
  /// The minorities' employment rate in the municipality, percent (43–57).
  var minorityEmploymentRate: Double
  /// Minorities (indvandrer + efterkommer) in the target group in round 5 relative to round 1
  /// (0.80 = a fall of a fifth).
  var round5Ratio: Double
  /// Share of the project's jobpakker made in this municipality.
  var jobpakkeWeight: Double

  /// The five profiles in code order.
  static let all: [MethodProfile] = [
    MethodProfile(code: 159, minorityShare: 0.42, minorityEmploymentRate: 54.0, round5Ratio: 0.85, jobpakkeWeight: 0.18),
    MethodProfile(code: 210, minorityShare: 0.34, minorityEmploymentRate: 56.8, round5Ratio: 0.92, jobpakkeWeight: 0.13),
    MethodProfile(code: 330, minorityShare: 0.31, minorityEmploymentRate: 43.0, round5Ratio: 0.80, jobpakkeWeight: 0.20),
    MethodProfile(code: 580, minorityShare: 0.30, minorityEmploymentRate: 50.5, round5Ratio: 0.84, jobpakkeWeight: 0.17),
    MethodProfile(code: 751, minorityShare: 0.47, minorityEmploymentRate: 46.5, round5Ratio: 0.85, jobpakkeWeight: 0.32),
  ]

  /// The profile of `code`, if it is a method municipality.
  static func profile(_ code: Int) -> MethodProfile? {
    all.first { $0.code == code }
  }

  /// The minority share of the target group for any municipality.
  ///
  /// Method municipalities use their profile (falling half a point per round); the others a
  /// step function of population density (denser, more urban municipalities have more
  /// immigrants and descendants) plus a fixed jitter of ±3 points.
  static func minorityShare(_ m: GeneratorMunicipality, round: Int, jitter: Double) -> Double {
    if let p = profile(m.code) { return p.minorityShare - 0.005 * Double(round - 1) }
    let d = m.density
    let base: Double
    if d < 50 { base = 0.12 } else if d < 100 { base = 0.17 } else if d < 300 { base = 0.23 }
    else if d < 1000 { base = 0.31 } else if d < 3000 { base = 0.40 } else { base = 0.45 }
    return base + (jitter - 0.5) * 0.06
  }

  /// A fixed draw in `0..<1` per municipality, shared by all generators that need it.
  static func jitter(code: Int, seed: UInt64) -> Double {
    var rng = SplitMix64(seed: seed, stream: 10_000 + UInt64(max(0, code)))
    return rng.nextDouble()
  }
}
