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
package enum MemoryBudget {
  private static let configured = Atomic<Int>(0)

  /// The budget in bytes: set by `.memory limit`, else ``defaultLimit``.
  package static var limit: Int {
    let value = configured.load(ordering: .relaxed)
    return value > 0 ? value : defaultLimit
  }

  /// Sets the budget; 0 returns to the default.
  package static func setLimit(_ bytes: Int) { configured.store(max(0, bytes), ordering: .relaxed) }

  /// Three quarters of physical memory, or of the address-space limit (`ulimit -v`) when lower.
  package static var defaultLimit: Int {
    var ceiling = physicalBytes
    var limit = rlimit()
    if getrlimit(Int32(RLIMIT_AS.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
      ceiling = min(ceiling, Int(clamping: limit.rlim_cur))
    }
    return ceiling / 4 * 3
  }

  /// Physical memory in bytes (8 GiB when the system does not say).
  package static var physicalBytes: Int {
    let pages = sysconf(Int32(_SC_PHYS_PAGES))
    let size = sysconf(Int32(_SC_PAGESIZE))
    guard pages > 0, size > 0 else { return 8 << 30 }
    return pages.multipliedReportingOverflow(by: size).overflow ? Int.max : pages * size
  }

  /// Bytes the process holds now (its resident size; 0 where the system does not say).
  package static var inUse: Int { ProcessMemory.residentBytes() ?? 0 }

  /// Bytes still free under the budget.
  package static var available: Int { max(0, limit - inUse) }

  /// Throws ``ExecutionStop/overBudget(_:)`` when `bytes` more would exceed the budget.
  package static func require(_ bytes: Int, for stage: String, detail: String? = nil) throws(ExecutionStop) {
    let free = available
    guard bytes > free else { return }
    throw .overBudget(MemoryOverrun(stage: stage, needed: bytes, detail: detail, available: free, limit: limit))
  }

  /// Bytes for people: `512 B`, `12.3 MiB`, `9.7 GiB`.
  package static func describe(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
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
}
