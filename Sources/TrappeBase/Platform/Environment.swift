import Glibc

/// Reads environment variables without Foundation.
package enum Environment {
  /// The value of `name`, or nil when unset.
  package static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    return String(cString: raw)
  }

  /// The value of `name` as a positive whole number, or nil when unset or anything else (the
  /// test and measuring overrides of thresholds read it this way).
  package static func positiveInt(_ name: String) -> Int? {
    guard let text = value(name), let n = Int(text), n > 0 else { return nil }
    return n
  }
}
