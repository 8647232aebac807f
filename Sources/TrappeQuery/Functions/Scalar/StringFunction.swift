import TrappeBase
import TrappeStorage

/// `string(x)`: x as text.
///
/// Ints in plain digits (`-12`), doubles with ``NumberFormatting/plain(_:)``
/// (`0.75`, `3.0`), bools as `true`/`false`, periods by their canonical
/// spelling (`2008Q3`, `2008-09`); a string is returned unchanged; NULL gives NULL.
enum StringFunction {
  static func apply(_ x: Column) -> Column {
    switch x {
    case .string: return x
    case .bool(let c):
      let codes = c.values.map { $0 ? UInt32(1) : 0 }
      return .string(StringColumn(codes: codes, dictionary: ["false", "true"], validity: c.validity))
    case .int64(let c):
      return .string(encode(c.widenedValues(), c.validity) { String($0) })
    case .double(let c):
      return .string(encode(c.values, c.validity) { NumberFormatting.plain($0) })
    case .period(let c):
      let unit = c.unit
      return .string(encode(c.ordinals, c.validity) { Period(unit: unit, ordinal: $0).description })
    }
  }

  /// Formats each distinct value once and interns it.
  private static func encode<T: Hashable>(
    _ values: [T], _ validity: ValidityMask, _ format: (T) -> String
  ) -> StringColumn {
    var builder = StringColumnBuilder(capacity: values.count)
    var codes: [T: UInt32] = [:]
    let valid = ValidityWords(validity)
    for (i, value) in values.enumerated() {
      guard valid.isValid(i) else {
        builder.appendNull()
        continue
      }
      if let code = codes[value] {
        builder.append(code: code)
      } else {
        let code = builder.code(for: format(value))
        codes[value] = code
        builder.append(code: code)
      }
    }
    return builder.finish()
  }
}
