import Testing
@testable import TrappeBase
@testable import TrappeIO
@testable import TrappeShell
import TrappeTestSupport

/// The README's examples run as written (H4, H5), as PRQL tests its README and book: every
/// plain fenced block with a `trappe> ` line is a transcript — `trappe> ` and `   ...> ` lines are
/// input, the lines under them the output it must print. The blocks of one README section run in
/// one fresh session, in order (so `out8` in a later block is the eighth result of that section).
/// `RECORD_GOLDEN=1` writes the actual output into the blocks and fails, like the goldens.
@Suite struct ReadmeTests {
  /// One README section's examples: its blocks (line ranges of README.md) and their transcript.
  struct Section: CustomTestStringConvertible, Sendable {
    var heading: String
    /// Per block, the README lines inside the fence (0-based, end exclusive).
    var blocks: [Range<Int>]
    var testDescription: String { heading }
  }

  static let path = ProjectRoot.file("README.md")

  static func lines() -> [String] {
    ((try? TextFile.read(path)) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The sections of README.md that hold examples.
  static func sections() -> [Section] {
    let lines = lines()
    var sections: [Section] = []
    var current = Section(heading: "(top)", blocks: [])
    var start: Int?
    var isExample = false
    for (index, line) in lines.enumerated() {
      if line.hasPrefix("```") {
        if let begin = start {
          if isExample && lines[begin..<index].contains(where: { $0.hasPrefix("trappe> ") }) {
            current.blocks.append(begin..<index)
          }
          start = nil
        } else {
          start = index + 1
          // Only plain blocks are examples; ```sh and others are shell commands or listings.
          isExample = line == "```"
        }
        continue
      }
      if start == nil && line.hasPrefix("#") {
        if !current.blocks.isEmpty { sections.append(current) }
        current = Section(heading: line, blocks: [])
      }
    }
    if !current.blocks.isEmpty { sections.append(current) }
    return sections
  }

  /// A block's README lines as golden-transcript lines.
  static func transcript(_ lines: ArraySlice<String>) -> [String] {
    lines.map { line in
      if line.hasPrefix("trappe> ") { return "> " + line.dropFirst("trappe> ".count) }
      if line.hasPrefix("   ...> ") { return "> " + line.dropFirst("   ...> ".count) }
      return line
    }
  }

  /// Transcript lines back as README lines: a `> |` line after input continues it.
  static func readme(_ transcript: [String]) -> [String] {
    var out: [String] = []
    var previousWasInput = false
    for line in transcript {
      if line.hasPrefix("> ") {
        let text = String(line.dropFirst(2))
        out.append((previousWasInput && text.hasPrefix("|") ? "   ...> " : "trappe> ") + text)
        previousWasInput = true
      } else {
        out.append(line)
        previousWasInput = false
      }
    }
    return out
  }

  @Test func examplesAreFound() {
    // The tour, pipelines, steering questions and charts; none may vanish unnoticed.
    let sections = ReadmeTests.sections()
    #expect(sections.count >= 4, "\(sections.map(\.heading))")
    let lines = ReadmeTests.lines()
    let inputs = sections.flatMap(\.blocks).map { lines[$0].filter { $0.hasPrefix("trappe> ") }.count }
    #expect(inputs.reduce(0, +) >= 20)
  }

  /// A section's statements run in a fresh session: expected and actual transcript lines.
  static func run(_ section: Section, in lines: [String]) -> (expected: [String], actual: [String]) {
    let expected = section.blocks.flatMap { ReadmeTests.transcript(lines[$0]) }
    var actual = GoldenCase.run(expected.map { $0 + "\n" }.joined())
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if actual.last == "" { actual.removeLast() }
    return (expected, actual)
  }

  @Test(arguments: ReadmeTests.sections())
  func sectionRunsAsWritten(_ section: Section) {
    let (expected, actual) = ReadmeTests.run(section, in: ReadmeTests.lines())
    // Output before the first command would be compared with nothing.
    #expect(expected.first?.hasPrefix("> ") == true, "\(section.heading): a block starts with output")
    guard actual != expected else { return }
    let diff = GoldenCase.diff(expected.joined(separator: "\n"), actual.joined(separator: "\n"))
    Issue.record(
      Comment(rawValue: "README.md \(section.heading) differs from what Trappe prints (RECORD_GOLDEN=1 "
        + "writes it into the blocks):\n\(diff)"))
  }

  /// `RECORD_GOLDEN=1`: writes each section's actual output into its blocks (each block keeps its
  /// own statements), one section after the other, and fails so the diff gets reviewed.
  @Test func record() throws {
    guard Environment.value("RECORD_GOLDEN") == "1" else { return }
    for heading in ReadmeTests.sections().map(\.heading) {
      // Line numbers move as sections are rewritten: find the section again in the current file.
      var lines = ReadmeTests.lines()
      guard let section = ReadmeTests.sections().first(where: { $0.heading == heading }) else { continue }
      let (expected, actual) = ReadmeTests.run(section, in: lines)
      guard actual != expected else { continue }
      var position = 0
      var replacements: [(Range<Int>, [String])] = []
      for range in section.blocks {
        var statements = ReadmeTests.transcript(lines[range]).filter { $0.hasPrefix("> ") && !$0.hasPrefix("> |") }.count
        var taken: [String] = []
        while position < actual.count {
          let line = actual[position]
          if line.hasPrefix("> ") && !line.hasPrefix("> |") {
            if statements == 0 { break }
            statements -= 1
          }
          taken.append(line)
          position += 1
        }
        replacements.append((range, ReadmeTests.readme(taken)))
      }
      for (range, replacement) in replacements.reversed() { lines.replaceSubrange(range, with: replacement) }
      try AtomicFile.write(lines.joined(separator: "\n"), to: ReadmeTests.path)
      Issue.record("re-recorded README.md \(heading): review the diff")
    }
  }
}
