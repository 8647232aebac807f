import TrappeStorage
import TrappeIO

/// The real datasets the generator calibrates to, read from `Datasets/`.
struct CalibrationSource {
  /// The 98 municipalities in code order.
  var municipalities: [GeneratorMunicipality]

  /// The five method municipalities in code order.
  var methodMunicipalities: [GeneratorMunicipality] {
    municipalities.filter(\.isMethod)
  }

  /// The municipality with `code`, if any.
  func municipality(_ code: Int) -> GeneratorMunicipality? {
    municipalities.first { $0.code == code }
  }

  /// Reads `kommuner.csv`, `befolkning.csv` and `kontanthjaelp.csv` from `directory`.
  init(directory: String) throws {
    let options = CSVReadOptions(delimiter: 44, encoding: .utf8, decimalSeparator: .point)
    let kommuner = try CSVReader.read(file: directory + "/kommuner.csv", options: options).table
    let befolkning = try CSVReader.read(file: directory + "/befolkning.csv", options: options).table
    let kontant = try CSVReader.read(file: directory + "/kontanthjaelp.csv", options: options).table
    let population = try Self.yearly(befolkning, value: "befolkning")
    let recipients = try Self.yearly(kontant, value: "modtagere_januar")
    let codes = try Self.column(kommuner, "kommunekode")
    let names = try Self.column(kommuner, "kommune")
    let areas = try Self.column(kommuner, "areal_km2")
    let vip2 = try Self.column(kommuner, "vip2")
    var list: [GeneratorMunicipality] = []
    for row in 0..<kommuner.rowCount {
      let code = Self.int(codes.value(at: row))
      list.append(
        GeneratorMunicipality(
          code: code, name: Self.string(names.value(at: row)),
          isMethod: Self.int(vip2.value(at: row)) == 1 || Self.string(vip2.value(at: row)) == "true",
          area: Self.double(areas.value(at: row)),
          population: population[code] ?? [:], recipients: recipients[code] ?? [:]))
    }
    list.sort { $0.code < $1.code }
    guard list.count == 98, list.filter(\.isMethod).count == 5 else {
      throw GeneratorError.unexpectedSource("kommuner.csv must list 98 municipalities, 5 of them vip2")
    }
    for m in list where m.recipients[2007] == nil || m.recipients[2010] == nil {
      throw GeneratorError.unexpectedSource("kontanthjaelp.csv lacks 2007–2010 for \(m.code)")
    }
    municipalities = list
  }

  private static func yearly(_ table: Table, value: String) throws -> [Int: [Int: Int]] {
    let codes = try column(table, "omraadekode")
    let years = try column(table, "aar")
    let values = try column(table, value)
    var result: [Int: [Int: Int]] = [:]
    for row in 0..<table.rowCount {
      result[int(codes.value(at: row)), default: [:]][int(years.value(at: row))] =
        int(values.value(at: row))
    }
    return result
  }

  private static func column(_ table: Table, _ name: String) throws -> Column {
    guard let column = table.column(named: name) else {
      throw GeneratorError.unexpectedSource("missing column \(name)")
    }
    return column
  }

  private static func int(_ value: Value) -> Int {
    switch value {
    case .int64(let v): return Int(v)
    case .double(let v): return Int(v)
    case .bool(let v): return v ? 1 : 0
    default: return 0
    }
  }

  private static func double(_ value: Value) -> Double {
    switch value {
    case .int64(let v): return Double(v)
    case .double(let v): return v
    default: return 0
    }
  }

  private static func string(_ value: Value) -> String {
    switch value {
    case .string(let v): return v
    case .null: return ""
    default: return value.description
    }
  }
}
