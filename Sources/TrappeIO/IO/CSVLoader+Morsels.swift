import TrappeBase
import TrappeStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVLoader {
  /// The bytes of one morsel of the one pass (the last takes the rest). Boundaries depend
  /// only on this and the file, never on the thread count.
  static let morselBytes = 2 << 20

  /// What one morsel of the one pass found: its rows in its own builders, and what the
  /// sequential pass would have noted over those rows.
  struct MorselResult {
    var columns: ColumnBuilders
    var rows = 0
    /// Columns whose guess a cell of this morsel broke.
    var broken: [Bool]
    /// Inference of observed columns over this morsel (used only when it is the only one).
    var observed: [ColumnInference]
    var outOfRange: [OutOfRange]
    /// The first cell of a typed column that its type cannot hold.
    var pending: CSVError?
    /// A malformed record, or Ctrl-C: the scan of this morsel stopped there.
    var failure: CSVError?
    /// Its bytes are not all UTF-8 (checked only with ``CSVLoader/checksUTF8``): nothing was parsed.
    var notUTF8 = false
    /// Its bytes hold a quote while the morsels were cut at line feeds: nothing was parsed, and
    /// the file is cut again by a scan of its records.
    var quoted = false
  }

  /// Parses the records from `dataStart` to the end in morsels of about ``morselBytes``
  /// (``morselSize`` when a test sets it), cut at record starts, on up to
  /// ``Parallelism/threads`` threads; the results are in file order.
  ///
  /// One morsel when a column is observed (its inference depends on every earlier cell), or
  /// when a quoted field makes record starts unknowable without a scan that then fails.
  func parseMorsels(
    names: [String], overrides: [DataType?], plans: [Plan], types: [DataType], units: [PeriodUnit],
    fresh: [ColumnInference], comma: Bool, delimiter: UInt8, dataStart: Int, sampled: Int, sampleEnd: Int
  ) throws(CSVError) -> [MorselResult] {
    let size = max(1, morselSize ?? CSVLoader.morselBytes)
    var starts = [dataStart]
    // Cut at line feeds first: each morsel then looks for a quote in its own bytes (in parallel,
    // as it parses them, instead of a serial pass that maps the whole file in before the parse).
    // A quote anywhere means a line feed may be inside a field: the records are then scanned
    // for the starts and every morsel is parsed again (as ``morselStarts`` would have cut them).
    var cutAtLineFeeds = false
    if !plans.contains(.observed) && bytes.count - dataStart > size {
      starts = lineFeedStarts(from: dataStart, size: size)
      cutAtLineFeeds = starts.count > 1
    }
    // Room for the rows, from the sample's bytes per record, but never more records than the
    // bytes could hold (each takes a byte per column at least: its delimiters and line end),
    // so a sample of short records before long ones cannot reserve without bound.
    let perRecord = sampled > 0 && sampleEnd > dataStart ? Double(sampleEnd - dataStart) / Double(sampled) : 0
    func capacity(_ from: Int, _ to: Int) -> Int {
      guard perRecord > 0 else { return 16 }
      let guess = Int(Double(to - from) / perRecord * 1.02) + 16
      return min(guess, (to - from) / max(1, names.count) + 16)
    }
    func parse(_ starts: [Int], checkQuotes: Bool) -> [MorselResult] {
      let count = starts.count
      var results = [MorselResult?](repeating: nil, count: count)
      results.withUnsafeMutableBufferPointer { slots in
        guard let out = slots.baseAddress else { return }
        Parallelism.forEachMorsel(count) { m in
          let from = starts[m]
          let to = m + 1 < count ? starts[m + 1] : bytes.count
          if checkQuotes && memchr(base + from, 0x22, to - from) != nil {
            var result = MorselResult(
              columns: ColumnBuilders(types: [], units: [], capacity: 0), broken: [], observed: [], outOfRange: [])
            result.quoted = true
            out[m] = result
            return
          }
          var loader = withOwnScratch()
          defer { loader.deallocate() }
          // The first morsel also checks the header's bytes.
          // Checked for quotes above: none, so the scan may look for delimiters and line feeds only.
          out[m] = loader.parseMorsel(
              from: from, to: to, checkFrom: m == 0 ? min(start, from) : from, names: names, overrides: overrides,
              plans: plans, types: types, units: units, fresh: fresh, comma: comma, delimiter: delimiter,
              capacity: capacity(from, to), quoteFree: checkQuotes)
        }
      }
      return results.compactMap { $0 }
    }
    let results = parse(starts, checkQuotes: cutAtLineFeeds)
    guard results.contains(where: \.quoted) else { return results }
    return parse(morselStarts(delimiter: delimiter, from: dataStart, size: size), checkQuotes: false)
  }

  /// The one pass over the records in `from..<to` (`to` is a record start or the end); with
  /// ``checksUTF8``, bytes `checkFrom..<to` are checked to be UTF-8 first.
  private mutating func parseMorsel(
    from: Int, to: Int, checkFrom: Int, names: [String], overrides: [DataType?], plans: [Plan], types: [DataType],
    units: [PeriodUnit], fresh: [ColumnInference], comma: Bool, delimiter: UInt8, capacity: Int, quoteFree: Bool
  ) -> MorselResult {
    let columnCount = names.count
    var spans = [CSVFieldSpan](
      repeating: CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false), count: columnCount)
    let columns = ColumnBuilders(types: types, units: units, capacity: capacity)
    var observed = fresh
    var broken = [Bool](repeating: false, count: columnCount)
    var outOfRange = [OutOfRange](repeating: OutOfRange(), count: columnCount)
    var pending: CSVError?
    // Tested per cell instead of `pending` (comparing the optional error copies it each time).
    var hasPending = false
    var scanner = CSVScanner(
      bytes: UnsafeBufferPointer(start: base, count: to), delimiter: delimiter, position: from, quoteFree: quoteFree)
    var rows = 0
    var failure: CSVError?
    // Ctrl-C is polled every 65,536 records of a morsel, and before each morsel.
    if isInterrupted() {
      return MorselResult(
        columns: columns, rows: 0, broken: broken, observed: observed, outOfRange: outOfRange, pending: nil,
        failure: .interrupted(file: name))
    }
    // Morsels start at record starts, after a line feed, so no character spans two of them.
    if checksUTF8 && TextDecoding.firstInvalidUTF8(UnsafeBufferPointer(start: base, count: to), from: checkFrom) != nil {
      releasePages?(from, to)
      var result = MorselResult(
        columns: columns, rows: 0, broken: broken, observed: observed, outOfRange: outOfRange, pending: nil,
        failure: nil)
      result.notUTF8 = true
      return result
    }
    // The builders' references stay in `columns`, alive to the end of this function; the loop
    // appends through `writers`, which holds none (no retain and release per cell).
    let writers = columns.writers
    defer { withExtendedLifetime(columns) {} }
    do throws(CSVError) {
      if plans.allSatisfy({ $0 == .given }) {
        // Every column typed by `types=` or a manifest: no column breaks, nothing is observed,
        // and once a cell is bad the load reports it, so the rest of the records are only scanned
        // (a malformed record later on is reported first).
        rows = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
          guard !hasPending else { return }
          for c in 0..<columnCount {
            let span = s[c]
            let cell = loader.cell(span)
            if loader.isNull(cell.0, cell.1) {
              writers.appendNull(c)
              continue
            }
            switch writers.append(c, cell.0, cell.1, comma: comma) {
            case .stored: break
            case .invalid:
              pending = loader.badValue(span, column: names[c], type: types[c])
              hasPending = true
              return
            case .overflow: outOfRange[c].overflow(at: span.origin)
            case .underflow: outOfRange[c].underflow(at: span.origin)
            }
          }
        }
      } else {
        rows = try forEachRecord(&scanner, &spans) { (loader, s) throws(CSVError) in
          for c in 0..<columnCount where !broken[c] {
            let span = s[c]
            let cell = loader.cell(span)
            if loader.isNull(cell.0, cell.1) {
              writers.appendNull(c)
              continue
            }
            let outcome: ColumnBuilders.Outcome
            switch plans[c] {
            case .given:
              guard !hasPending else { continue }
              outcome = writers.append(c, cell.0, cell.1, comma: comma)
            case .guessed:
              outcome = writers.speculate(c, cell.0, cell.1, comma: comma)
            case .observed:
              observed[c].observe(cell.0, cell.1, at: span.origin)
              guard !hasPending else { continue }
              outcome = writers.append(c, cell.0, cell.1, comma: comma)
            case .unknown:
              broken[c] = true
              continue
            }
            switch outcome {
            case .stored: break
            case .invalid:
              if overrides[c] == nil {
                broken[c] = true
              } else if !hasPending {
                // Reported after the scan, so that a malformed record later on is reported first,
                // as the two-pass load does.
                pending = loader.badValue(span, column: names[c], type: types[c])
                hasPending = true
              }
            case .overflow: outOfRange[c].overflow(at: span.origin)
            case .underflow: outOfRange[c].underflow(at: span.origin)
            }
          }
        }
      }
    } catch {
      failure = error
    }
    releasePages?(from, to)
    // The pieces shrink to what they hold before the next morsel starts, so that the morsels
    // waiting for the join cost about the final columns, not 8-byte ints and 4-byte codes.
    columns.shrink(drop: broken)
    return MorselResult(
      columns: columns, rows: rows, broken: broken, observed: observed, outOfRange: outOfRange, pending: pending,
      failure: failure)
  }

  /// Line starts from `from`, one after the first line feed at or past every `size` bytes: the
  /// record starts when the data hold no quote.
  func lineFeedStarts(from: Int, size: Int) -> [Int] {
    var starts = [from]
    guard let raw = bytes.baseAddress else { return starts }
    let count = bytes.count
    var target = from + size
    while target < count {
      guard let found = memchr(raw + target - 1, 10, count - target + 1) else { break }
      let next = UnsafeRawPointer(found) - UnsafeRawPointer(raw) + 1
      // A page-cache folio is mapped whole on its first touch (up to 2 MiB, aligned in the
      // file): its block is given back now (no morsel is parsed yet), so the cuts do not keep
      // a block of every morsel mapped until that morsel is parsed.
      let block = 2 << 20
      releasePages?((target - 1) / block * block, Swift.min(count, (next + block - 1) / block * block))
      if next >= count { break }
      starts.append(next)
      target = next + size
    }
    return starts
  }

  /// Record starts from `from`, one at or after every `size` bytes: with no quote in the data,
  /// every line feed ends a record, so each morsel starts after the first line feed at or past
  /// its offset; otherwise the records are scanned (without parsing) to find them, and a scan
  /// that fails gives one morsel, whose parse then reports the failure where it is.
  func morselStarts(delimiter: UInt8, from: Int, size: Int) -> [Int] {
    var starts = [from]
    guard let raw = bytes.baseAddress else { return starts }
    let count = bytes.count
    if memchr(raw + from, 0x22, count - from) == nil {
      return lineFeedStarts(from: from, size: size)
    }
    var scanner = CSVScanner(bytes: bytes, delimiter: delimiter, position: from)
    var recordStart = 0
    var firstExtra = 0
    var none = CSVFieldSpan(start: 0, end: 0, quoted: false, escaped: false)
    var target = from + size
    do throws(CSVScanner.Failure) {
      while try scanner.next(into: &none, capacity: 0, recordStart: &recordStart, firstExtra: &firstExtra) != nil {
        if scanner.position >= target && scanner.position < count {
          starts.append(scanner.position)
          target = scanner.position + size
        }
      }
    } catch {
      return [from]
    }
    return starts
  }
}

extension CSVLoader.OutOfRange {
  /// Adds the counts of a later part of the file.
  mutating func merge(_ later: CSVLoader.OutOfRange) {
    overflows += later.overflows
    if firstOverflow == nil { firstOverflow = later.firstOverflow }
    underflows += later.underflows
    if firstUnderflow == nil { firstUnderflow = later.firstUnderflow }
  }
}
