#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import TrappeBase
import TrappeDatagen

/// `trappe-datagen [--spells N] [--out DIR]`: regenerates Trappe's illustrative datasets.

func fail(_ message: String) -> Never {
  var text = "trappe-datagen: \(message)\n"
  text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  exit(2)
}

/// The package root: the nearest directory upwards from the current one holding Package.swift.
func packageRoot() -> String {
  var buffer = [CChar](repeating: 0, count: 4096)
  var dir = buffer.withUnsafeMutableBufferPointer { b -> String in
    guard let base = b.baseAddress, getcwd(base, b.count) != nil else { return "." }
    return String(cString: base)
  }
  while true {
    if access(dir + "/Package.swift", F_OK) == 0 { return dir }
    guard let slash = dir.lastIndex(of: "/"), dir != "/" else { return "." }
    dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
  }
}

// A killed run removes the temporary files of the datasets it was writing.
FatalSignals.install()

var spells = 200_000
var out: String?
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
  switch argument {
  case "--spells":
    guard let text = arguments.next(), let n = Int(text), n > 0 else { fail("--spells needs a positive number") }
    spells = n
  case "--out":
    guard let text = arguments.next() else { fail("--out needs a directory") }
    out = text
  case "-h", "--help":
    print("usage: trappe-datagen [--spells N] [--out DIR]")
    exit(0)
  default:
    fail("unknown argument \(argument); usage: trappe-datagen [--spells N] [--out DIR]")
  }
}
let datasets = packageRoot() + "/Datasets"
if let out, mkdir(out, 0o755) != 0 && errno != EEXIST {
  fail("cannot create \(out)")
}
do {
  let files = try IllustrativeData.generate(into: out ?? datasets, datasetsDirectory: datasets, spells: spells)
  for file in files { print(file) }
} catch {
  fail("\(error)")
}
