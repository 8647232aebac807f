import Testing
@testable import TrappeBase
import TrappeTestSupport

/// `.timer on` prints seconds to a tenth of a millisecond: the bench compares kernels that take
/// 1–3 ms, and whole milliseconds hid 1.7 against 2.0.
@Suite struct TimerResolutionTests {
  @Test func formatsTenthsOfAMillisecond() {
    #expect(Stopwatch.format(0.00214) == "0.0021")
    #expect(Stopwatch.format(0.00016) == "0.0002")
    #expect(Stopwatch.format(0.00004) == "0.0000")
    #expect(Stopwatch.format(1.5) == "1.5000")
    #expect(Stopwatch.format(12.34567) == "12.3457")
    #expect(Stopwatch.format(-0.5) == "0.0000")
  }

  @Test func reportLineHasFourDecimals() {
    let line = Stopwatch().report()
    #expect(line.wholeMatch(of: /Run Time \(s\): real [0-9]+\.[0-9]{4} user [0-9]+\.[0-9]{4} sys [0-9]+\.[0-9]{4}/) != nil)
  }
}
