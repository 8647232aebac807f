import Glibc
import Synchronization

/// The temporary files being written right now, so a fatal signal can remove them.
///
/// Atomic writes create a hidden temporary file next to their target and rename it
/// over the target when complete. Each one is registered here while it exists; the
/// SIGTERM/SIGHUP (and batch SIGINT) handler calls ``removeAll()`` before the process
/// ends. That handler must be async-signal-safe, so the paths are copied into slots of
/// memory allocated once and never freed, a 64-bit atomic mask says which slots are
/// live, and ``removeAll()`` only loads the mask and calls `unlink`.
///
/// `kill -9` cannot be caught: such a temporary file stays behind, but it is created
/// with mode 0600, so only its owner can read it.
package enum TemporaryFiles {
  /// The number of temporary files that can be registered at once.
  static let slotCount = 64
  /// The bytes of one slot: a path and its terminating NUL.
  static let slotSize = 4096

  /// The slots' memory, allocated once and never freed (the signal handler reads it).
  nonisolated(unsafe) private static let storage: UnsafeMutablePointer<CChar> = {
    let memory = UnsafeMutablePointer<CChar>.allocate(capacity: slotCount * slotSize)
    memory.initialize(repeating: 0, count: slotCount * slotSize)
    return memory
  }()
  /// Bit i is set while slot i holds a live path.
  private static let live = Atomic<UInt64>(0)
  /// Serialises registration (never taken by the signal handler).
  private static let lock = Mutex<Int>(0)

  /// A registered temporary file; pass it to ``unregister(_:)`` once renamed or removed.
  package struct Registration: Sendable {
    /// The slot, or -1 when the path could not be registered (too long, or every slot in use).
    let slot: Int
  }

  /// Registers `path` (call right after creating the file).
  package static func register(_ path: String) -> Registration {
    _ = storage
    let bytes = Array(path.utf8)
    guard bytes.count < slotSize, !bytes.contains(0) else { return Registration(slot: -1) }
    return lock.withLock { next -> Registration in
      let mask = live.load(ordering: .acquiring)
      // Reuse slots round-robin, so a handler still reading a just-freed slot is not overwritten at once.
      for step in 0..<slotCount {
        let slot = (next + step) % slotCount
        guard mask & (1 << UInt64(slot)) == 0 else { continue }
        let base = storage + slot * slotSize
        bytes.withUnsafeBufferPointer { source in
          source.withMemoryRebound(to: CChar.self) { chars in
            if let from = chars.baseAddress { base.update(from: from, count: chars.count) }
          }
        }
        base[bytes.count] = 0
        live.bitwiseOr(1 << UInt64(slot), ordering: .releasing)
        next = (slot + 1) % slotCount
        return Registration(slot: slot)
      }
      return Registration(slot: -1)
    }
  }

  /// Forgets a temporary file (after it was renamed into place or removed).
  package static func unregister(_ registration: Registration) {
    guard registration.slot >= 0 else { return }
    live.bitwiseAnd(~(1 << UInt64(registration.slot)), ordering: .releasing)
  }

  /// Removes every registered temporary file; async-signal-safe (an atomic load and `unlink`).
  package static func removeAll() {
    let mask = live.load(ordering: .acquiring)
    guard mask != 0 else { return }
    for slot in 0..<slotCount where mask & (1 << UInt64(slot)) != 0 {
      unlink(storage + slot * slotSize)
    }
  }

  /// The paths registered now (for tests).
  package static var registeredPaths: [String] {
    let mask = live.load(ordering: .acquiring)
    return (0..<slotCount).filter { mask & (1 << UInt64($0)) != 0 }.map { String(cString: storage + $0 * slotSize) }
  }
}
