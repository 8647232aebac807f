import TrappeStorage

/// One `column NAME: TYPE | UNIT | MEANING` line of a manifest.
package struct ManifestColumn: Sendable, Equatable {
  package var name: String
  package var type: DataType
  /// The unit, or nil for `-`.
  package var unit: String?
  package var meaning: String

  init(name: String, type: DataType, unit: String?, meaning: String) {
    self.name = name
    self.type = type
    self.unit = unit
    self.meaning = meaning
  }
}
