
/// A job area ("jobområde") a jobpakke can be made in, with its relative popularity.
struct JobArea {
  /// The area's name.
  var name: String
  /// Whether it counts as one of the 12 start packages ("startpakker", seed 001).
  var isStartPackage: Bool
  /// Relative weight among areas of the same kind.
  var weight: Double

  /// 12 start packages followed by 8 new areas.
  ///
  /// Seed 001 gives the count (12 "oprindelige startpakker"), not the list, so the names of the
  /// 12 are illustrative. Seed 001 names two kinds of new area: "helt nye områder som de
  /// sundhedsfaglige og pædagogiske områder" (so health and care are new areas, not start
  /// packages) and areas with "en berøringsflade til de oprindelige 12 pakker som for eksempel
  /// lagerfunktioner" (so warehouse work is a new area touching them). The other new areas are
  /// invented too.
  static let all: [JobArea] = [
    JobArea(name: "rengøring", isStartPackage: true, weight: 14),
    JobArea(name: "køkken og kantine", isStartPackage: true, weight: 12),
    JobArea(name: "butik og detailhandel", isStartPackage: true, weight: 10),
    JobArea(name: "transport og chauffør", isStartPackage: true, weight: 9),
    JobArea(name: "byggeri og anlæg", isStartPackage: true, weight: 7),
    JobArea(name: "industri og produktion", isStartPackage: true, weight: 9),
    JobArea(name: "gartneri og grønne områder", isStartPackage: true, weight: 5),
    JobArea(name: "pedel og ejendomsservice", isStartPackage: true, weight: 5),
    JobArea(name: "kontor og administration", isStartPackage: true, weight: 4),
    JobArea(name: "hotel og restaurant", isStartPackage: true, weight: 7),
    JobArea(name: "fødevareproduktion", isStartPackage: true, weight: 6),
    JobArea(name: "vaskeri og tekstilservice", isStartPackage: true, weight: 4),
    JobArea(name: "lager og logistik", isStartPackage: false, weight: 12),
    JobArea(name: "sundhed og sygehusservice", isStartPackage: false, weight: 12),
    JobArea(name: "pleje og omsorg", isStartPackage: false, weight: 13),
    JobArea(name: "pædagogisk område", isStartPackage: false, weight: 12),
    JobArea(name: "auto og mekanik", isStartPackage: false, weight: 5),
    JobArea(name: "vagt og sikkerhed", isStartPackage: false, weight: 4),
    JobArea(name: "landbrug", isStartPackage: false, weight: 3),
    JobArea(name: "kundeservice og callcenter", isStartPackage: false, weight: 5),
  ]
}
