import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// How one key column groups: through its codes in a dense slot array, or, when its values
  /// spread too wide for one (wide ints and periods, doubles), through a hashed index of its own.
  enum KeyCodes {
    /// Dictionary codes for strings, `value - min` for narrow ints and periods, 0/1 for bools.
    case digit(SlotDigit)
    /// The key grouped on its own (``hashed(_:validity:)``).
    case grouped(GroupIndex)
  }

  /// The codes of `key`, one specialised digit per stored width.
  static func keyCodes(_ key: Column) -> KeyCodes {
    func values<T: GroupKeyRepresentable & FixedWidthInteger>(_ values: [T], _ validity: ValidityMask) -> KeyCodes {
      if let (low, domain) = denseRange(values, validity: validity) {
        return .digit(SlotDigit(values, validity: validity, base: low, domain: domain))
      }
      return .grouped(hashed(values, validity: validity))
    }
    switch key {
    case .string(let c):
      switch c.storage {
      case .u8(let codes): return .digit(SlotDigit(codes, validity: c.validity, base: 0, domain: c.dictionary.count))
      case .u16(let codes): return .digit(SlotDigit(codes, validity: c.validity, base: 0, domain: c.dictionary.count))
      case .u32(let codes): return .digit(SlotDigit(codes, validity: c.validity, base: 0, domain: c.dictionary.count))
      }
    case .bool(let c): return .digit(SlotDigit(c.values, validity: c.validity, base: 0, domain: 2))
    case .int64(let c):
      switch c.storage {
      case .int8(let v): return values(v, c.validity)
      case .int16(let v): return values(v, c.validity)
      case .int32(let v): return values(v, c.validity)
      case .int64(let v): return values(v, c.validity)
      }
    case .period(let c): return values(c.ordinals, c.validity)
    case .double(let c): return .grouped(hashed(c.values, validity: c.validity))
    }
  }
}
