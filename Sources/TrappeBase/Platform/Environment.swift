import Glibc

/// Reads environment variables without Foundation.
package enum Environment {
  /// The value of `name`, or nil when unset.
  package static func value(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    return String(cString: raw)
  }
}
