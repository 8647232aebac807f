import TrappeBase
import TrappeIO
import TrappeDatasets

/// A script cut into steps for `trappe --present`, run once before the first screen.
///
/// Creating one is the pre-flight: every statement runs, in order, in a fresh session, and
/// each error is kept (placed at the script's file:line:col) in ``problems``. A statement that
/// prints no result (`.locale da`, `.maxrows 6`, `let`, `measure`, `.load`) is setup: it runs
/// before the step it precedes and is no step itself. A step's title is the comment paragraph
/// just above it (or above the setup lines before it).
///
/// Each step keeps the catalog and settings it ran with, so ``screen(_:width:height:)`` can run
/// it again at any terminal size, with as many table rows and chart lines as fit: stepping back,
/// or a resize, shows a result drawn for the screen it is on.
package final class Presentation {
  /// One step of a presentation.
  package struct Step {
    /// The comment paragraph above it.
    package var title: String
    /// The statement.
    package var command: String
    /// The line it starts on in the script.
    var line: Int
    /// Whether it failed in the pre-flight (shown as it is with `--force`).
    var failed: Bool
    /// The tables before it ran.
    fileprivate var catalog: Catalog
    /// The settings before it ran (after the setup lines above it).
    fileprivate var settings: SessionSettings
  }

  /// The steps, in order.
  package private(set) var steps: [Step] = []
  /// The pre-flight's errors, each rendered with its file:line:col.
  package private(set) var problems: [String] = []
  /// How many setup statements ran without being steps.
  package private(set) var setupCount = 0
  /// The script's name in diagnostics.
  let name: String
  private let session: Session
  private let buffer = PresentationBuffer()
  /// The tables and settings after the whole script (and any ad-hoc queries since).
  private var catalogAfter: Catalog
  private var settingsAfter: SessionSettings
  /// Screens already drawn, by step and size.
  private var cache: [ScreenKey: [String]] = [:]

  /// Runs the script `text` (the pre-flight) in a fresh session.
  package init(script text: String, name: String, parameters: [String: String], datasets: DatasetRegistry) {
    self.name = name
    let buffer = self.buffer
    var settings = SessionSettings()
    settings.terminalWidth = 80
    session = Session(
      settings: settings,
      output: SessionOutput(standard: { buffer.add($0, standard: true) }, error: { buffer.add($0, standard: false) }),
      datasets: datasets)
    session.parameters = parameters
    session.scriptDirectories.append(Session.directory(of: expandHome(name)))
    var setupTitle = ""
    for statement in Presentation.statements(of: text, needsMore: session.needsMoreInput) {
      let catalog = session.catalog
      let before = session.settings
      buffer.reset()
      let outcome = session.run(statement.text, origin: InputOrigin(file: name, line: statement.line))
      var failed = false
      switch outcome {
      case .success: break
      case .failure(let diagnostic):
        problems.append(diagnostic.rendered())
        failed = true
      case .exit: break
      }
      if case .exit = outcome { break }
      if !failed && !buffer.printedResult {
        setupCount += 1
        if !statement.title.isEmpty { setupTitle = statement.title }
        continue
      }
      steps.append(
        Step(
          title: statement.title.isEmpty ? setupTitle : statement.title, command: statement.text, line: statement.line,
          failed: failed, catalog: catalog, settings: before))
      setupTitle = ""
    }
    catalogAfter = session.catalog
    settingsAfter = session.settings
  }

  /// The screen of step `index` for a terminal of `width` × `height`, line by line.
  package func screen(_ index: Int, width: Int, height: Int) -> [String] {
    guard steps.indices.contains(index) else { return [] }
    let key = ScreenKey(step: index, width: width, height: height)
    if let drawn = cache[key] { return drawn }
    let step = steps[index]
    let heading = "Step \(index + 1)/\(steps.count)" + (step.title.isEmpty ? "" : " · " + step.title)
    // The audience sees the command as it ran: `for Slagelse`, not `for $kommune`.
    let shown = (try? session.substitutingParameters(in: step.command)) ?? step.command
    let drawn = compose(
      heading: heading, command: step.command, shown: shown, origin: InputOrigin(file: name, line: step.line),
      catalog: step.catalog, settings: step.settings, width: width, height: height
    ).lines
    session.catalog = catalogAfter
    session.settings = settingsAfter
    cache[key] = drawn
    return drawn
  }

  /// Runs `query` after the whole script (an ad-hoc question during the talk) and returns its
  /// screen; its result stays in the session (`_`, `outN`) for the next ad-hoc query.
  package func adHoc(_ query: String, width: Int, height: Int) -> [String] {
    let drawn = compose(
      heading: "Ad-hoc query", command: query, shown: query, origin: InputOrigin(), catalog: catalogAfter, settings: settingsAfter,
      width: width, height: height)
    catalogAfter = session.catalog
    session.settings = settingsAfter
    return drawn.lines
  }

  /// The full output of step `index` (every footer note), wrapped to `width`, for the notes view.
  package func notes(_ index: Int, width: Int) -> [String] {
    guard steps.indices.contains(index) else { return [] }
    let step = steps[index]
    session.catalog = step.catalog
    session.settings = step.settings
    // Footer lines are cut to the output width: draw wide so the notes come whole, then wrap them.
    session.settings.terminalWidth = 10_000
    session.settings.width = nil
    session.settings.maxRows = 1
    session.settings.outputHeight = 4
    buffer.reset()
    session.run(step.command, origin: InputOrigin(file: name, line: step.line))
    let output = PresentationOutput(buffer.text, notice: Session.illustrativeNotice)
    session.catalog = catalogAfter
    session.settings = settingsAfter
    var lines = ["Notes of step \(index + 1)/\(steps.count)", ""]
    for note in output.essentials + output.notes {
      lines += TerminalText.wrapIfNeeded(note, width: max(10, width - 2)).enumerated().map { $0 == 0 ? $1 : "  " + $1 }
    }
    if output.illustrative { lines.append(Session.illustrativeNotice) }
    return lines
  }

  /// Runs `command` from `catalog` and `settings` at `width` and lays its output out in `height`
  /// lines under `shown` (the command with its parameters filled in), running it again with fewer
  /// table rows or a lower chart until it fits.
  private func compose(
    heading: String, command: String, shown: String, origin: InputOrigin, catalog: Catalog, settings: SessionSettings,
    width: Int, height: Int
  ) -> (lines: [String], failed: Bool) {
    let layout = PresentationScreen(heading: heading, command: shown, width: width, height: height)
    let room = layout.room
    var maxRows = settings.maxRows
    var chartHeight = max(4, room - 5)
    var output = PresentationOutput("", notice: Session.illustrativeNotice)
    var failed = false
    for _ in 0..<4 {
      session.catalog = catalog
      session.settings = settings
      session.settings.terminalWidth = width
      session.settings.width = nil
      session.settings.maxRows = maxRows
      session.settings.outputHeight = chartHeight
      buffer.reset()
      if case .failure = session.run(command, origin: origin) { failed = true } else { failed = false }
      output = PresentationOutput(buffer.text, notice: Session.illustrativeNotice)
      let overflow = output.body.count + output.essentials.count - room
      guard overflow > 0 else { break }
      if output.isTable, let rows = output.tableRows, rows.shown > 3 {
        // Showing fewer rows than all adds a `…` row.
        let next = max(3, rows.shown - overflow - (rows.shown == rows.total ? 1 : 0))
        guard next < rows.shown else { break }
        maxRows = next
      } else if !output.isTable, chartHeight > 4, output.essentials.count > 0 {
        chartHeight = max(4, chartHeight - overflow)
      } else {
        break
      }
    }
    return (layout.lines(for: output), failed)
  }
}

/// Which step at which size a drawn screen is for.
private struct ScreenKey: Hashable {
  var step: Int
  var width: Int
  var height: Int
}

/// What a presentation's session printed since the last reset, both streams in order.
final class PresentationBuffer: @unchecked Sendable {
  private(set) var text = ""
  /// Whether anything went to standard output (a result, not only notices such as `created t`).
  private(set) var printedResult = false

  func add(_ more: String, standard: Bool) {
    text += more
    if standard && !more.isEmpty { printedResult = true }
  }

  func reset() {
    text = ""
    printedResult = false
  }
}
