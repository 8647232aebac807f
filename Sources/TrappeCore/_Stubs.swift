// Temporary stand-ins for the IO and Rendering layers being built on other branches.
public enum ExportFormat: String, Sendable { case csv, tsv, json, markdown
  public init?(fileExtension: String) { self.init(rawValue: fileExtension) }
}
public struct ExportOptions: Sendable { public var protectFormulas = true; public var decimalComma = false; public init() {} }
public enum TableExporter { public static func export(_ t: Table, format: ExportFormat, options: ExportOptions) -> String { "" } }
public enum TextEncoding: Sendable { case auto, utf8, latin1, windows1252 }
public enum DecimalSeparator: Sendable { case auto, point, comma }
public struct CSVReadOptions: Sendable {
  public var delimiter: UInt8? = nil
  public var encoding = TextEncoding.auto
  public var decimalSeparator = DecimalSeparator.auto
  public var hasHeader = true
  public var typeOverrides: [String: DataType] = [:]
  public init() {}
}
public struct CSVReadResult: Sendable { public var table: Table; public var delimiter: UInt8; public var encoding: TextEncoding; public var decimalSeparator: DecimalSeparator }
public enum CSVError: Error, DiagnosticConvertible { case x; public var diagnostic: Diagnostic { Diagnostic(.error, "x") } }
public enum CSVReader { public static func read(file: String, options: CSVReadOptions) throws(CSVError) -> CSVReadResult { throw .x } }
public struct FileError: Error, DiagnosticConvertible { public var diagnostic: Diagnostic { Diagnostic(.error, "x") } }
public enum AtomicFile { public static func write(_ text: String, to path: String) throws(FileError) {} }
