import TrappeIO

/// A JSON value as the engine bridge writes it (``JSONValue/parse(_:)`` reads one line).
///
/// Numbers keep whether they were written as integers, so that a BIGINT beyond 2^53 arrives exactly.
package enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case integer(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  /// The member `key` of an object.
  package subscript(key: String) -> JSONValue? {
    if case .object(let members) = self { return members[key] }
    return nil
  }

  package var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  package var bool: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  package var integer: Int64? {
    if case .integer(let i) = self { return i }
    return nil
  }

  package var array: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// Parses one JSON text; nil when it is not valid JSON.
  package static func parse(_ text: String) -> JSONValue? {
    var parser = JSONParser(bytes: Array(text.utf8))
    guard let value = parser.value() else { return nil }
    parser.skipSpace()
    return parser.index == parser.bytes.count ? value : nil
  }
}

/// A recursive-descent reader of RFC 8259 JSON over UTF-8 bytes.
struct JSONParser {
  let bytes: [UInt8]
  var index = 0
  var depth = 0

  init(bytes: [UInt8]) { self.bytes = bytes }

  mutating func skipSpace() {
    while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
  }

  mutating func value() -> JSONValue? {
    skipSpace()
    guard index < bytes.count, depth < 512 else { return nil }
    switch bytes[index] {
    case UInt8(ascii: "{"): return object()
    case UInt8(ascii: "["): return array()
    case UInt8(ascii: "\""): return string().map(JSONValue.string)
    case UInt8(ascii: "t"): return word("true", .bool(true))
    case UInt8(ascii: "f"): return word("false", .bool(false))
    case UInt8(ascii: "n"): return word("null", .null)
    default: return number()
    }
  }

  mutating func word(_ text: String, _ value: JSONValue) -> JSONValue? {
    let w = Array(text.utf8)
    guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { return nil }
    index += w.count
    return value
  }

  mutating func object() -> JSONValue? {
    index += 1
    depth += 1
    defer { depth -= 1 }
    var members: [String: JSONValue] = [:]
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
      index += 1
      guard let v = value() else { return nil }
      members[key] = v
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { return nil }
      index += 1
      return .object(members)
    }
  }

  mutating func array() -> JSONValue? {
    index += 1
    depth += 1
    defer { depth -= 1 }
    var items: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      return .array(items)
    }
    while true {
      guard let v = value() else { return nil }
      items.append(v)
      skipSpace()
      guard index < bytes.count else { return nil }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { return nil }
      index += 1
      return .array(items)
    }
  }

  mutating func hex4() -> UInt32? {
    guard index + 4 <= bytes.count else { return nil }
    var v: UInt32 = 0
    for _ in 0..<4 {
      let b = bytes[index]
      index += 1
      v <<= 4
      switch b {
      case 0x30...0x39: v |= UInt32(b - 0x30)
      case 0x41...0x46: v |= UInt32(b - 0x41 + 10)
      case 0x61...0x66: v |= UInt32(b - 0x61 + 10)
      default: return nil
      }
    }
    return v
  }

  mutating func string() -> String? {
    index += 1
    var out: [UInt8] = []
    while index < bytes.count {
      let b = bytes[index]
      index += 1
      if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
      if b < 0x20 { return nil }
      guard b == UInt8(ascii: "\\") else {
        out.append(b)
        continue
      }
      guard index < bytes.count else { return nil }
      let e = bytes[index]
      index += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        guard var scalar = hex4() else { return nil }
        if (0xD800..<0xDC00).contains(scalar) {
          guard index + 2 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
          else { return nil }
          index += 2
          guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let u = Unicode.Scalar(scalar) else { return nil }
        out.append(contentsOf: Array(String(Character(u)).utf8))
      default: return nil
      }
    }
    return nil
  }

  mutating func number() -> JSONValue? {
    let start = index
    var isInteger = true
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count {
      let b = bytes[index]
      if b >= 0x30 && b <= 0x39 {
        index += 1
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") || b == UInt8(ascii: "+")
        || b == UInt8(ascii: "-")
      {
        isInteger = false
        index += 1
      } else {
        break
      }
    }
    guard index > start else { return nil }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    if isInteger, let i = Int64(text) { return .integer(i) }
    guard let d = Double(text) else { return nil }
    return .double(d)
  }
}

extension JSONValue {
  /// The value as one line of JSON.
  package var encoded: String {
    switch self {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .integer(let i): return String(i)
    case .double(let d): return d.isFinite ? String(d) : "null"
    case .string(let s): return JSONValue.quoted(s)
    case .array(let items): return "[" + items.map(\.encoded).joined(separator: ",") + "]"
    case .object(let members):
      return "{" + members.sorted { $0.key < $1.key }.map { JSONValue.quoted($0.key) + ":" + $0.value.encoded }
        .joined(separator: ",") + "}"
    }
  }

  /// `text` as a JSON string literal (control characters escaped, so it stays on one line).
  static func quoted(_ text: String) -> String { TableExporter.jsonString(text) }
}
