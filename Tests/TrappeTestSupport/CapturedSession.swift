import TrappeDatasets
import TrappeShell

/// A session whose standard and error output are collected for assertions.
///
/// ``standard`` and ``errors`` hold each stream on its own; ``take()`` returns both as
/// they were written, interleaved, for transcripts. (TrappeTests adds `add(_:_:)`, which
/// needs the catalog's internal setter.)
package final class CapturedSession: @unchecked Sendable {
  /// Where the session's output goes.
  private final class Sink: @unchecked Sendable {
    var standard = ""
    var errors = ""
    var transcript = ""
  }

  private let sink: Sink
  /// The session under test.
  package let session: Session

  /// A session with `settings` whose datasets come from `datasets` (by default the
  /// repository's `Datasets/` folder).
  package init(
    settings: SessionSettings = SessionSettings(),
    datasets: DatasetRegistry = DatasetRegistry(directories: [ProjectRoot.datasets])
  ) {
    let sink = Sink()
    self.sink = sink
    session = Session(
      settings: settings,
      output: SessionOutput(
        standard: {
          sink.standard += $0
          sink.transcript += $0
        },
        error: {
          sink.errors += $0
          sink.transcript += $0
        }),
      datasets: datasets)
    // Relative paths (Datasets/…, Tests/GoldenTests/Fixtures/…) from the repository, with no chdir.
    session.workingDirectory = ProjectRoot.path
  }

  /// Everything written to standard output so far.
  package var standard: String { sink.standard }
  /// Everything written to error output so far.
  package var errors: String { sink.errors }

  /// Both streams as written since the last call, interleaved; empties the capture.
  package func take() -> String {
    defer {
      sink.standard = ""
      sink.errors = ""
      sink.transcript = ""
    }
    return sink.transcript
  }
}
