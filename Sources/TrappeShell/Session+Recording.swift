import TrappeBase
import TrappeIO

extension Session {
  /// Starts writing a Markdown record to `path`.
  func startRecording(to path: String, script: String? = nil) throws(Diagnostic) {
    recording = Recording(path: resolvePath(path), script: script, parameters: parameters)
    saveRecordingOrThrow()
  }

  /// Writes the record now; a failure stops recording and is reported.
  func saveRecording() {
    do throws(Diagnostic) {
      try writeRecording()
    } catch {
      recording = nil
      output.error(error.rendered(color: settings.color))
    }
  }

  /// Syncs the record to disk; the end of a run calls it (`.record off` does too).
  package func finishRecording() {
    recording?.sync()
  }

  private func saveRecordingOrThrow() {
    saveRecording()
  }

  private func writeRecording() throws(Diagnostic) {
    guard let recording else { return }
    let used = catalog.names.compactMap { name -> (name: String, file: String)? in
      guard case .dataset(let manifest)? = catalog.entry(name)?.provenance.origin else { return nil }
      return (name: name, file: manifest.file)
    }
    do throws(FileError) {
      try recording.write(datasets: used)
    } catch {
      throw error.diagnostic
    }
  }
}
