
/// One of the 98 municipalities with the real figures the generator calibrates to.
struct GeneratorMunicipality {
  /// The municipality code (101 København ... 860 Hjørring).
  var code: Int
  /// The municipality name.
  var name: String
  /// Whether it is one of the five VIP2 method municipalities.
  var isMethod: Bool
  /// Land area in km².
  var area: Double
  /// Population on 1 January by year.
  var population: [Int: Int]
  /// Recipients of kontanthjælp mv. in January by year.
  var recipients: [Int: Int]

  /// Recipients interpolated linearly between January figures to the first day of `month` in `year`.
  func recipients(year: Int, month: Int) -> Double {
    let here = Double(recipients[year] ?? 0)
    let next = Double(recipients[year + 1] ?? recipients[year] ?? 0)
    return here + (next - here) * Double(month - 1) / 12
  }

  /// Population per km² on 1 January 2008.
  var density: Double {
    area > 0 ? Double(population[2008] ?? 0) / area : 0
  }

  /// Recipients of kontanthjælp in January 2008 per 1,000 inhabitants.
  var recipientRate: Double {
    let people = Double(population[2008] ?? 0)
    return people > 0 ? Double(recipients[2008] ?? 0) * 1000 / people : 0
  }
}
