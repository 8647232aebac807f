import TrappeBase

extension Pipeline {
  /// The conditions of the pipeline's `where` stages (and those of the pipelines it joins or
  /// unions), as written, each on one line.
  package func filterTexts(in source: SourceText) -> [String] {
    var texts: [String] = []
    for stage in stages {
      switch stage.kind {
      case .where(let condition):
        texts.append(
          source[condition.range].split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "))
      case .join(_, let right, _):
        texts += right.filterTexts(in: source)
      case .union(let other):
        texts += other.filterTexts(in: source)
      default:
        break
      }
    }
    return texts
  }
}
