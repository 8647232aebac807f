#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// The process-wide memory budget: operators that can explode (join, pivot, cross products,
/// charts, string building) estimate their output and call ``require(_:for:detail:)`` before
/// they allocate it, so that a mistyped join key ends with a clear error instead of the
/// process being killed.
///
/// Two limits apply. The budget (``limit``: `.memory limit SIZE`, by default three quarters
/// of physical memory) is compared with the resident memory. Under `ulimit -v` what fails is
/// the address space, so the headroom left below that limit (less a reserve for the work
/// around the operator) is a second ceiling, which holds even with `.memory limit off`.
package enum MemoryBudget {
  /// 0: the default; -1: off (no budget); otherwise the budget in bytes.
  private static let configured = Atomic<Int>(0)

  /// What `.memory limit` set.
  package enum Setting: Sendable, Equatable {
    /// Three quarters of physical memory (or of `ulimit -v`, when lower).
    case automatic
    /// No budget: only the address-space limit (`ulimit -v`) still stops an operator.
    case off
    /// A budget in bytes.
    case bytes(Int)
  }

  /// The current setting.
  package static var setting: Setting {
    let value = configured.load(ordering: .relaxed)
    return value == 0 ? .automatic : value < 0 ? .off : .bytes(value)
  }

  /// Changes the budget.
  package static func set(_ setting: Setting) {
    switch setting {
    case .automatic: configured.store(0, ordering: .relaxed)
    case .off: configured.store(-1, ordering: .relaxed)
    case .bytes(let bytes): configured.store(max(1, bytes), ordering: .relaxed)
    }
  }

  /// The budget in bytes (`Int.max` when off).
  package static var limit: Int {
    switch setting {
    case .automatic: defaultLimit
    case .off: Int.max
    case .bytes(let bytes): bytes
    }
  }

  /// Three quarters of physical memory, or of the address-space limit (`ulimit -v`) when lower.
  package static var defaultLimit: Int {
    var ceiling = physicalBytes
    if let space = addressSpaceLimit { ceiling = min(ceiling, space) }
    return ceiling / 4 * 3
  }

  /// The address-space limit (`ulimit -v`) in bytes, or nil when there is none.
  package static var addressSpaceLimit: Int? {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
    return Int(clamping: limit.rlim_cur)
  }

  /// Address space kept free below `ulimit -v` for the work around an operator (its inputs'
  /// temporaries, the display): 96 MB, or a sixteenth of a smaller limit.
  package static func addressSpaceReserve(below limit: Int) -> Int { min(96 << 20, limit / 16) }

  /// Physical memory in bytes (8 GiB when the system does not say).
  package static var physicalBytes: Int {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 8 << 30 }
    return pages.multipliedReportingOverflow(by: size).overflow ? Int.max : pages * size
  }

  /// Bytes the process holds now (its resident size; 0 where the system does not say).
  package static var inUse: Int { ProcessMemory.residentBytes() ?? 0 }

  /// Bytes still free: under the budget, and below `ulimit -v` when one is set.
  package static var available: Int { headroom().free }

  /// The bytes free, and the address-space limit when that is what leaves the least.
  private static func headroom() -> (free: Int, addressSpace: Int?) {
    let sizes = ProcessMemory.sizes()
    let budget = limit
    let free = budget == Int.max ? Int.max : max(0, budget - (sizes?.resident ?? 0))
    if let space = addressSpaceLimit, let mapped = sizes?.virtual {
      let below = max(0, space - mapped - addressSpaceReserve(below: space))
      if below < free { return (below, space) }
    }
    return (free, nil)
  }

  /// Throws ``ExecutionStop/overBudget(_:)`` when `bytes` more would exceed the budget.
  /// Freed heap memory the process still holds (``ProcessMemory/keepFreedMemoryForReuse()``
  /// keeps up to 512 MiB for the next query) is given back first, and the budget read again.
  package static func require(_ bytes: Int, for stage: String, detail: String? = nil) throws(ExecutionStop) {
    var (free, space) = headroom()
    guard bytes > free else { return }
    ProcessMemory.returnFreedMemory()
    (free, space) = headroom()
    guard bytes > free else { return }
    throw .overBudget(
      MemoryOverrun(stage: stage, needed: bytes, detail: detail, available: free, limit: limit, addressSpace: space))
  }

  /// Bytes for people, in the binary units `.memory` shows and `.memory limit` takes
  /// (1 MB = 1024 KB): `512 B`, `12.3 MB`, `9.7 GB`.
  package static func describe(_ bytes: Int) -> String {
    let units = ["B", "KB", "MB", "GB", "TB", "PB", "EB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    if unit == 0 { return "\(bytes) B" }
    let tenths = (value * 10).rounded()
    return "\(Int(tenths) / 10).\(Int(tenths) % 10) \(units[unit])"
  }

  /// A row count for people: `11,134,873` below a billion, else `2.1e10`.
  package static func describeRows(_ rows: Int) -> String {
    if rows < 1_000_000_000 {
      var text = String(rows)
      var index = text.endIndex
      while text.distance(from: text.startIndex, to: index) > 3 {
        index = text.index(index, offsetBy: -3)
        text.insert(",", at: index)
      }
      return text
    }
    var mantissa = Double(rows)
    var exponent = 0
    while mantissa >= 10 {
      mantissa /= 10
      exponent += 1
    }
    let tenths = Int((mantissa * 10).rounded())
    return tenths >= 100 ? "1.0e\(exponent + 1)" : "\(tenths / 10).\(tenths % 10)e\(exponent)"
  }

  /// Saturating arithmetic for estimates, which can exceed Int for absurd inputs.
  package static func product(_ a: Int, _ b: Int) -> Int {
    let (value, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : value
  }

  /// Saturating sum for estimates.
  package static func sum(_ a: Int, _ b: Int) -> Int {
    let (value, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : value
  }
}

extension MemoryBudget {
  /// Parses a size as `.memory limit` takes it: a number with a unit `KB`, `MB`, `GB` or `TB`
  /// (binary: 1 MB = 1,048,576 bytes; also `K`, `M`, `G`, `T`, `KiB`, `MiB`, `GiB`, `TiB`, any
  /// case), e.g. `512MB`, `1.5GB`. Nil for anything else, zero or beyond Int.
  package static func parseSize(_ text: String) -> Int? {
    let trimmed = text.filter { !$0.isWhitespace }.lowercased()
    let digits = trimmed.prefix { $0.isNumber || $0 == "." }
    let unit = trimmed.dropFirst(digits.count)
    let shifts: [String: Int] = [
      "k": 10, "kb": 10, "kib": 10, "m": 20, "mb": 20, "mib": 20, "g": 30, "gb": 30, "gib": 30,
      "t": 40, "tb": 40, "tib": 40,
    ]
    guard let shift = shifts[String(unit)], let number = Double(digits), number.isFinite, number > 0 else {
      return nil
    }
    let bytes = (number * Double(1 << shift)).rounded()
    guard bytes >= 1, bytes < 9.0e18 else { return nil }
    return Int(bytes)
  }
}
