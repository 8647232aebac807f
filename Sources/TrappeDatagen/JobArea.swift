
/// A job area ("jobområde") a jobpakke can be made in, with its relative popularity.
struct JobArea {
  /// The area's name.
  var name: String
  /// Whether it is one of the 12 original start packages ("startpakker").
  var isStartPackage: Bool
  /// Relative weight among areas of the same kind.
  var weight: Double

  /// The 12 start packages followed by 8 new areas (health and pedagogy are named in seed 001).
  static let all: [JobArea] = [
    JobArea(name: "rengøring", isStartPackage: true, weight: 14),
    JobArea(name: "lager og logistik", isStartPackage: true, weight: 12),
    JobArea(name: "pleje og omsorg", isStartPackage: true, weight: 13),
    JobArea(name: "køkken og kantine", isStartPackage: true, weight: 10),
    JobArea(name: "butik og detailhandel", isStartPackage: true, weight: 8),
    JobArea(name: "transport og chauffør", isStartPackage: true, weight: 9),
    JobArea(name: "byggeri og anlæg", isStartPackage: true, weight: 6),
    JobArea(name: "industri og produktion", isStartPackage: true, weight: 7),
    JobArea(name: "gartneri og grønne områder", isStartPackage: true, weight: 5),
    JobArea(name: "pedel og ejendomsservice", isStartPackage: true, weight: 5),
    JobArea(name: "kontor og administration", isStartPackage: true, weight: 4),
    JobArea(name: "hotel og restaurant", isStartPackage: true, weight: 7),
    JobArea(name: "sundhed og sygehusservice", isStartPackage: false, weight: 14),
    JobArea(name: "pædagogisk område", isStartPackage: false, weight: 12),
    JobArea(name: "fødevareproduktion", isStartPackage: false, weight: 6),
    JobArea(name: "auto og mekanik", isStartPackage: false, weight: 5),
    JobArea(name: "vagt og sikkerhed", isStartPackage: false, weight: 4),
    JobArea(name: "landbrug", isStartPackage: false, weight: 3),
    JobArea(name: "kundeservice og callcenter", isStartPackage: false, weight: 5),
    JobArea(name: "frisør og kosmetik", isStartPackage: false, weight: 3),
  ]
}
