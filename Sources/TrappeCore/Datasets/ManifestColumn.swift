/// One `column NAME: TYPE | UNIT | MEANING` line of a manifest.
public struct ManifestColumn: Sendable, Equatable {
  public var name: String
  public var type: DataType
  /// The unit, or nil for `-`.
  public var unit: String?
  public var meaning: String

  public init(name: String, type: DataType, unit: String?, meaning: String) {
    self.name = name
    self.type = type
    self.unit = unit
    self.meaning = meaning
  }
}
