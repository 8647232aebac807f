import Testing
@testable import TrappeBase
@testable import TrappeShell
import TrappeTestSupport

/// `.threads` and `--threads` set the threads queries use; `.threads` alone shows the setting and the cores.
/// (The setting is process-wide and other suites may change it concurrently, so only output is checked,
/// each right after the command that set it.)
@Suite(.serialized) struct ThreadsCommandTests {
  @Test func setShowAndRestore() {
    let captured = CapturedSession()
    let cores = Parallelism.availableCores
    let available = "\(cores) \(cores == 1 ? "core" : "cores") available"
    #expect(captured.session.run(".threads 3") == .success)
    #expect(captured.session.run(".threads") == .success)
    #expect(captured.standard.contains("threads: 3 (\(available))"))
    #expect(captured.session.run(".threads auto") == .success)
    _ = captured.take()
    #expect(captured.session.run(".threads") == .success)
    #expect(captured.standard.contains("threads: \(cores) (auto: \(available))"))
    #expect(captured.session.run(".threads 0") == .success)
  }

  @Test func refusesWhatIsNotACount() {
    let captured = CapturedSession()
    #expect(captured.session.run(".threads -1") != .success)
    #expect(captured.errors.contains("threads must be a number from 0 to 1024, or auto"))
    #expect(captured.session.run(".threads many") != .success)
  }

  @Test func launchOption() throws {
    #expect(try LaunchOptions.parse(["--threads", "2"]).threads == 2)
    #expect(try LaunchOptions.parse(["--threads=0"]).threads == 0)
    #expect(throws: UsageError.self) { try LaunchOptions.parse(["--threads", "x"]) }
    #expect(throws: UsageError.self) { try LaunchOptions.parse(["--threads", "-2"]) }
  }
}
