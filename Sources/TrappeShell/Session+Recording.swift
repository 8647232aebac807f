import TrappeBase
import TrappeIO

extension Session {
  /// Starts writing a Markdown record to `path`.
  func startRecording(to path: String, script: String? = nil) throws(Diagnostic) {
    recording = Recording(path: resolvePath(path), script: script, parameters: parameters, format: .markdown)
    saveRecordingOrThrow()
  }

  /// Starts writing an HTML report to `path`.
  func startReport(to path: String, script: String? = nil) throws(Diagnostic) {
    report = Recording(path: resolvePath(path), script: script, parameters: parameters, format: .html)
    saveRecordingOrThrow()
  }

  /// A `--` comment of a script at `line`, for the record's and report's headings.
  func scriptComment(_ text: String, line: Int) {
    for recorder in recorders { recorder.comment(text, line: line) }
  }

  /// Writes the record and report now; a failure stops that one and is reported.
  func saveRecording() {
    for recorder in recorders {
      do throws(Diagnostic) {
        try write(recorder)
      } catch {
        if recording === recorder { recording = nil }
        if report === recorder { report = nil }
        output.error(error.rendered(color: settings.color))
      }
    }
  }

  /// Syncs the record and report to disk; the end of a run calls it (`.record off` does too).
  package func finishRecording() {
    for recorder in recorders { recorder.sync() }
  }

  private func saveRecordingOrThrow() {
    saveRecording()
  }

  private func write(_ recorder: Recording) throws(Diagnostic) {
    let used = catalog.names.compactMap { name -> (name: String, file: String)? in
      guard case .dataset(let manifest)? = catalog.entry(name)?.provenance.origin else { return nil }
      return (name: name, file: manifest.file)
    }
    do throws(FileError) {
      try recorder.write(datasets: used)
    } catch {
      throw error.diagnostic
    }
  }
}
