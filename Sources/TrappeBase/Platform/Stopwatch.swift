import Glibc

/// Measures wall-clock and CPU time of one command, for `.timer on`.
package struct Stopwatch {
  private let startWall: Double
  private let startUser: Double
  private let startSystem: Double

  package init() {
    startWall = Stopwatch.wallSeconds()
    (startUser, startSystem) = Stopwatch.cpuSeconds()
  }

  /// The line `.timer on` prints, in seconds to a tenth of a millisecond (the bench compares
  /// kernels that take 1–3 ms): `Run Time (s): real 0.5320 user 0.4800 sys 0.0400`.
  package func report() -> String {
    let (user, system) = Stopwatch.cpuSeconds()
    return "Run Time (s): real \(Stopwatch.format(Stopwatch.wallSeconds() - startWall))"
      + " user \(Stopwatch.format(user - startUser)) sys \(Stopwatch.format(system - startSystem))"
  }

  /// `seconds` with four decimals (tenths of a millisecond), e.g. `0.0021`.
  package static func format(_ seconds: Double) -> String {
    let tenths = Int((max(0, seconds) * 10_000).rounded())
    let fraction = String(tenths % 10_000)
    return "\(tenths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
  }

  private static func wallSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }

  private static func cpuSeconds() -> (Double, Double) {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return (user, system)
  }
}
