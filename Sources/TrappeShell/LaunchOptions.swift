import TrappeBase

/// The command-line arguments of `trappe`, parsed.
package struct LaunchOptions: Sendable, Equatable {
  /// Commands given with `-c`, run in order.
  package var commands: [String] = []
  /// A script file to run.
  package var script: String?
  /// The output format from `--format`.
  package var format: OutputFormat?
  /// Whether to skip `~/.trapperc`.
  package var noRC = false
  /// Whether a script goes on after an error.
  var keepGoing = false
  /// Whether `--help` was given.
  package var help = false
  /// Whether `--version` was given.
  package var version = false
  /// Extra dataset directories from `--data`.
  package var dataDirectories: [String] = []
  /// `NAME=VALUE` parameters after the script.
  package var parameters: [String: String] = [:]
  /// `--check`: compare the script's output with SCRIPT.expected.
  var check = false
  /// `--record FILE.md`: write a Markdown record of the run.
  var record: String?
  /// `--report FILE.html`: write an HTML report of the run.
  var report: String?
  /// `--present`: show the script one step at a time.
  package var present = false
  /// `--force`: present even when the pre-flight found errors.
  package var force = false
  /// `--width N`: the width tables fit (as `.width N`); without it a file or pipe gets whole tables.
  package var width: Int?
  /// `--threads N`: the threads queries may use (as `.threads N`; 0 = all available cores).
  package var threads: Int?

  /// The version `--version` prints.
  package static let versionString = "trappe 0.1.0"

  /// The text `--help` prints.
  package static let usage = """
    Usage: trappe [OPTIONS] [SCRIPT]

    An analysis shell for evaluations of municipal employment efforts.
    Interactive when stdin and stdout are terminals; otherwise it reads
    commands from stdin (or SCRIPT) without prompts.

    Options:
      -c COMMAND        run COMMAND (repeatable), then exit
      --data DIR        also offer the datasets (NAME.csv + NAME.manifest) in DIR
      --format FORMAT   print results as box, markdown, csv, tsv or json
      --keep-going      do not stop a script at the first error
      --width N         fit tables to N columns (default: the terminal's width;
                        unlimited when output goes to a file or a pipe)
      --threads N       let queries use N threads (default and 0: every core this
                        process may run on; results are the same for every N)
      --record FILE.md  write every command and its output to a Markdown report
      --report FILE.html
                        write the run as one self-contained HTML report (SVG charts)
      --present         show SCRIPT one step at a time after a pre-flight run of every
                        step (Space/Enter/→/PgDn next, ←/PgUp/b back, Home/End, g N go
                        to step N, i notes, : ad-hoc query, q quit)
      --force           with --present: present even when the pre-flight found errors
      --check           run SCRIPT and compare its output with SCRIPT.expected
                        (RECORD_EXPECTED=1 writes the file); exit 1 with a diff on change
    SCRIPT NAME=VALUE   set the script's parameters ($NAME in the script)
      --no-rc           do not run ~/.trapperc at interactive start
      --help            show this help
      --version         show the version

    Exit status: 0 on success, 1 when a command failed, 2 on a usage error.
    Inside the shell, type .help for the commands.
    """

  /// Creates the defaults.
  package init() {}

  /// Parses `arguments` (without the program name).
  package static func parse(_ given: [String]) throws(UsageError) -> LaunchOptions {
    let arguments = given.flatMap { argument -> [String] in
      guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return [argument] }
      return [String(argument[..<equals]), String(argument[argument.index(after: equals)...])]
    }
    var options = LaunchOptions()
    var index = 0
    func value(for flag: String) throws(UsageError) -> String {
      index += 1
      guard index < arguments.count else { throw UsageError("\(flag) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-c", "--command":
        options.commands.append(try value(for: argument))
      case "--format", "-f":
        let name = try value(for: argument)
        guard let format = OutputFormat(rawValue: name.lowercased()) else {
          var message = "unknown format '\(name)' (expected box, markdown, csv, tsv or json)"
          if let near = Suggestion.nearest(to: name, in: OutputFormat.allCases.map(\.rawValue)) {
            message += "; did you mean '\(near)'?"
          }
          throw UsageError(message)
        }
        options.format = format
      case "--data":
        options.dataDirectories.append(try value(for: argument))
      case "--no-rc": options.noRC = true
      case "--check": options.check = true
      case "--present": options.present = true
      case "--force": options.force = true
      case "--record": options.record = try value(for: argument)
      case "--report": options.report = try value(for: argument)
      case "--keep-going": options.keepGoing = true
      case "--width", "-w":
        let text = try value(for: argument)
        guard let width = Int(text), (20...10_000).contains(width) else {
          throw UsageError("--width needs a number from 20 to 10000 (found '\(text)')")
        }
        options.width = width
      case "--threads":
        let text = try value(for: argument)
        guard let threads = Int(text), (0...1024).contains(threads) else {
          throw UsageError("--threads needs a number from 0 to 1024, 0 for every core (found '\(text)')")
        }
        options.threads = threads
      case "--help", "-h": options.help = true
      case "--version", "-V": options.version = true
      default:
        if argument.hasPrefix("-") && argument != "-" {
          var message = "unknown option '\(argument)'"
          let known = ["-c", "--command", "--data", "--format", "--no-rc", "--keep-going", "--check", "--record", "--report", "--present", "--force", "--width", "--threads", "--help", "--version"]
          if let near = Suggestion.nearest(to: argument, in: known) { message += "; did you mean '\(near)'?" }
          throw UsageError(message)
        }
        if options.script != nil, let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
          // `trappe SCRIPT kommune=Slagelse`: a parameter for the script.
          options.parameters[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
          index += 1
          continue
        }
        guard options.script == nil else {
          throw UsageError("only one script can be given (found '\(options.script ?? "")' and '\(argument)')")
        }
        options.script = argument
      }
      index += 1
    }
    return options
  }
}

/// A mistake in the command-line arguments; `trappe` exits with status 2.
package struct UsageError: Error, Sendable, Equatable {
  /// What is wrong.
  package var message: String
  /// Creates an error.
  init(_ message: String) { self.message = message }
}
