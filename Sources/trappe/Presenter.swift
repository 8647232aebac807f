import Glibc
import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeDatasets
import TrappeShell

/// `trappe --present SCRIPT`: one step at a time, Enter or Space for the next, b for back, q to quit.
enum Presenter {
  static func run(options: LaunchOptions, datasets: DatasetRegistry) -> Int32 {
    guard let script = options.script else {
      FileHandleWriter.standardError("trappe: --present needs a script\n")
      return 2
    }
    let text: String
    do throws(ScriptSource.ReadError) {
      let source = try ScriptSource.read(script, name: script)
      if let note = source.note { FileHandleWriter.standardError(note) }
      text = source.text
    } catch {
      FileHandleWriter.standardError("trappe: cannot read script '\(script)': \(error.reason)\n")
      return 1
    }
    let width = Terminal.width()
    let presentation = Presentation(
      script: text, name: script, parameters: options.parameters, datasets: datasets, width: width)
    guard !presentation.steps.isEmpty else {
      FileHandleWriter.standardError("trappe: \(script) has no steps\n")
      return 1
    }
    var saved = termios()
    let interactive = tcgetattr(STDIN_FILENO, &saved) == 0
    if interactive {
      var raw = saved
      raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    }
    defer {
      if interactive { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
      FileHandleWriter.standardOutput("\n")
    }
    var index = 0
    while true {
      let height = Terminal.height()
      FileHandleWriter.standardOutput("\u{1B}[H\u{1B}[2J" + presentation.screen(index, height: height, width: Terminal.width()))
      var byte: UInt8 = 0
      guard read(STDIN_FILENO, &byte, 1) == 1 else { return 0 }
      switch byte {
      case UInt8(ascii: "q"), UInt8(ascii: "Q"), 4: return 0
      case UInt8(ascii: "b"), UInt8(ascii: "B"): index = max(0, index - 1)
      case 10, 13, UInt8(ascii: " "), UInt8(ascii: "n"):
        if index + 1 < presentation.steps.count { index += 1 }
      default: break
      }
    }
  }
}
