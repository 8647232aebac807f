import TrappeStorage

/// How an engine's column type maps to a Trappe column type.
///
/// Integers of any width are int; DOUBLE, FLOAT, REAL and DECIMAL are double (a DECIMAL arrives
/// as a double); BOOLEAN is bool; VARCHAR, STRING, TEXT and CHAR are string; DATE is a period
/// whose unit the caller decides (``EnginePeriodUnits``). Other types (TIMESTAMP, INTERVAL,
/// BLOB, lists, structs, maps, ...) have no Trappe form: nil.
package enum EngineColumnType {
  package static func dataType(_ engineType: String) -> DataType? {
    let upper = engineType.uppercased()
    let base = upper.split(separator: "(").first.map(String.init) ?? upper
    switch base.trimmingSpaces {
    case "BIGINT", "INTEGER", "INT", "INT4", "INT8", "INT2", "INT1", "SMALLINT", "TINYINT", "LONG", "SHORT", "BYTE",
      "UINTEGER", "USMALLINT", "UTINYINT":
      return .int64
    case "DOUBLE", "FLOAT", "REAL", "FLOAT8", "FLOAT4", "DECIMAL", "NUMERIC": return .double
    case "BOOLEAN", "BOOL": return .bool
    case "VARCHAR", "STRING", "TEXT", "CHAR", "BPCHAR": return .string
    case "DATE": return .period
    default: return nil
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }
}
