import TrappeBase
import TrappeIO
import Glibc

extension DatasetRegistry {
  /// Where datasets are looked for: the built-in `Datasets/` directory, then `$TRAPPE_DATA`
  /// (colon-separated), then each `--data DIR`.
  package static func directories(extra: [String]) -> [String] {
    var result: [String] = []
    if let builtIn = builtInDirectory() { result.append(builtIn) }
    if let environment = Environment.value("TRAPPE_DATA") {
      result += environment.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
    return result + extra
  }

  /// The project's `Datasets/` directory: found from the executable's location
  /// (`.build/<triple>/<config>/trappe` lives three levels below the package), else `./Datasets`.
  static func builtInDirectory() -> String? {
    var candidates: [String] = []
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if length > 0 {
      var path = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      for _ in 0..<5 {
        guard let slash = path.lastIndex(of: "/") else { break }
        path = String(path[..<slash])
        candidates.append(path + "/Datasets")
      }
    }
    candidates.append("Datasets")
    return candidates.first { Directory.exists($0) && Directory.entries($0).contains { $0.hasSuffix(".manifest") } }
  }
}
