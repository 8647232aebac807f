import Glibc
import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeDatasets
import TrappeShell

/// Entry point: parse arguments, decide once whether the session is interactive, run.
FileHandleWriter.reserveStandardDescriptors()
FatalSignals.install()
ProcessMemory.keepFreedMemoryForReuse()
let options: LaunchOptions
do {
  options = try LaunchOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
  FileHandleWriter.standardError("trappe: \(error.message)\nTry 'trappe --help' for more information.\n")
  exit(2)
}
if options.help {
  FileHandleWriter.standardOutput(LaunchOptions.usage + "\n")
  exit(0)
}
if options.version {
  FileHandleWriter.standardOutput(LaunchOptions.versionString + "\n")
  exit(0)
}

var settings = SessionSettings()
settings.terminalWidth = Terminal.width()
settings.color = Terminal.wantsColor()
settings.terminalOutput = Terminal.isTerminal(STDOUT_FILENO)
// A file or a pipe gets whole tables (nothing wraps there); `--width N` fits them to N.
settings.unlimitedWidth = !settings.terminalOutput
settings.width = options.width
if let threads = options.threads { Parallelism.setThreads(threads) }
if let format = options.format { settings.format = format }
let session = Session(
  settings: settings,
  output: SessionOutput(
    standard: { FileHandleWriter.standardOutput($0) },
    error: { FileHandleWriter.standardError($0) }),
  datasets: DatasetRegistry(
    directories: DatasetRegistry.directories(extra: options.dataDirectories),
    cache: DatasetCache(directory: DatasetCache.defaultDirectory)))

if options.present {
  exit(Presenter.run(options: options, datasets: session.datasets))
}

let interactive =
  options.commands.isEmpty && options.script == nil
  && Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO)

// Results taller than the screen open in a pager, as in psql (`.pager off` to turn it off).
session.settings.pager = interactive
exit(Launcher(session: session, options: options).run(interactive: interactive))
