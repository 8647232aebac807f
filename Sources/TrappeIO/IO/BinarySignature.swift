/// Recognizes files that are not CSV text from their first bytes: spreadsheets, archives,
/// Parquet, programs, UTF-16 without a byte order mark, and other binary data.
///
/// Such a file used to "load" as a table of garbage (an `.xlsx` gave 0 rows named `PK…`);
/// ``CSVReader`` now refuses it with what it is and what to do instead.
enum BinarySignature {
  /// What the file is and what to do, or nil when it may be text.
  static func detect(_ raw: [UInt8], fileName: String) -> (what: String, hint: String)? {
    func starts(_ prefix: [UInt8]) -> Bool { raw.count >= prefix.count && Array(raw[0..<prefix.count]) == prefix }
    let lower = fileName.lowercased()
    let exportHint =
      "open it in the program that made it and export it as CSV (in Excel: File › Save As › CSV UTF-8), then .load the .csv"
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
      if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return ("an Excel workbook (.xlsx)", exportHint) }
      if lower.hasSuffix(".ods") { return ("a spreadsheet (.ods)", exportHint) }
      return ("a ZIP archive (an Excel .xlsx workbook is one)", exportHint + "; for an archive, unpack it first")
    }
    if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      return ("an old-style Office file (Excel .xls)", exportHint)
    }
    if starts([0x1F, 0x8B]) { return ("a gzip-compressed file", "unpack it first (gunzip FILE), then .load the CSV inside") }
    if starts(Array("PAR1".utf8)) {
      return (
        "a Parquet file",
        "convert it to CSV first, e.g. with DuckDB: COPY (FROM 'FILE.parquet') TO 'FILE.csv'"
      )
    }
    if starts([0x42, 0x5A, 0x68]) { return ("a bzip2-compressed file", "unpack it first (bunzip2 FILE)") }
    if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return ("an xz-compressed file", "unpack it first (unxz FILE)") }
    if starts([0x28, 0xB5, 0x2F, 0xFD]) { return ("a zstd-compressed file", "unpack it first (unzstd FILE)") }
    if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return ("a 7-Zip archive", "unpack it first") }
    if starts(Array("SQLite format 3".utf8) + [0]) {
      return ("an SQLite database", "export the table as CSV (sqlite3 -csv -header DB 'select * from T' > T.csv)")
    }
    if starts(Array("%PDF".utf8)) { return ("a PDF document", "export the table from its source as CSV") }
    if starts([0x7F, 0x45, 0x4C, 0x46]) { return ("a program (ELF executable)", "give the path of a CSV file") }
    if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) {
      return ("an image", "give the path of a CSV file")
    }
    // NUL bytes: text never has many. UTF-16 without a byte order mark has one in every
    // other byte (ASCII letters), at even offsets for big endian and odd ones for little endian.
    let sample = raw.prefix(4096)
    var even = 0
    var odd = 0
    for (i, b) in sample.enumerated() where b == 0 {
      if i % 2 == 0 { even += 1 } else { odd += 1 }
    }
    let nuls = even + odd
    if sample.count >= 4 && nuls * 4 >= sample.count && max(even, odd) * 10 >= nuls * 9 {
      let order = odd > even ? "LE" : "BE"
      return (
        "UTF-16 \(order) text without a byte order mark (every other byte is NUL)",
        "export it again as CSV UTF-8, or as UTF-16 with a byte order mark (Excel's \"Unicode text\" has one)"
      )
    }
    if nuls >= 8 && nuls * 10 >= sample.count {
      return ("binary data (\(nuls) NUL bytes in the first \(sample.count))", "give the path of a CSV text file")
    }
    return nil
  }
}
