import TrappeBase

extension MemoryOverrun {
  /// The overrun's error at the stage that caused it, named as the user wrote it: the one stage of
  /// `pipeline` (nested pipelines included) with the overrun's keyword (`join`, `pivot`, ...),
  /// or of several joins the one written with the keys the executor names. Otherwise the
  /// executor's name for it (e.g. `join on koen`) is kept, without a caret.
  package func diagnostic(in pipeline: Pipeline, source: SourceText) -> Diagnostic {
    let keyword = String(stage.prefix { $0 != " " })
    var ranges = pipeline.stageRanges(keyword: keyword)
    if ranges.count > 1, let on = stage.firstRange(of: " on ") {
      // Several joins: the one whose keys read as the executor named them (`on koen`).
      let keys = String(stage[on.lowerBound...])
      ranges = ranges.filter { source[$0].split(whereSeparator: \.isWhitespace).joined(separator: " ").hasSuffix(keys) }
    }
    guard ranges.count == 1, let range = ranges.first else { return diagnostic }
    var written = source[range].split(whereSeparator: \.isWhitespace).joined(separator: " ")
    if written.count > 80 { written = String(written.prefix(77)) + "..." }
    let named = naming("`\(written)`").diagnostic
    return source.diagnostic(named.message, at: range, hints: named.hints)
  }
}

extension Pipeline {
  /// Where the stages with `keyword` are written, this pipeline's and its nested pipelines'.
  func stageRanges(keyword: String) -> [SourceRange] {
    var ranges: [SourceRange] = []
    for stage in stages {
      if stage.keyword == keyword { ranges.append(stage.range) }
      switch stage.kind {
      case .join(_, let right, _): ranges += right.stageRanges(keyword: keyword)
      case .union(let other): ranges += other.stageRanges(keyword: keyword)
      default: break
      }
    }
    return ranges
  }
}
