import TrappeBase
import TrappeQuery

extension ChartOptions {
  /// Checks a `chart` stage's kind and options against the result's columns.
  package init(_ spec: ChartSpec, columns: [String], source: SourceText) throws(Diagnostic) {
    self.init()
    if !spec.kind.isEmpty {
      guard let kind = ChartKind(rawValue: spec.kind) else {
        throw source.diagnostic(
          "unknown chart kind '\(spec.kind)'", at: spec.kindRange,
          hints: ["kinds: \(ChartKind.allCases.map(\.rawValue).joined(separator: ", "))"]
        ).suggesting(Suggestion.nearest(to: spec.kind, in: ChartKind.allCases.map(\.rawValue)))
      }
      self.kind = kind
    }
    var previous: ChartOptionSpec?
    for option in spec.options {
      defer { previous = option }
      if option.name != "y", let previous, previous.nameRange == option.nameRange {
        throw source.diagnostic(
          "only y= takes several columns (y=value,peer_value); \(option.name)= takes one", at: option.value.range,
          hints: ["e.g. chart line x=runde y=value,peer_value,national_value"])
      }
      let text = ChartOptions.text(option.value, source: source)
      func column() throws(Diagnostic) -> String {
        guard columns.contains(text) else {
          throw source.diagnostic(
            "the result has no column '\(text)'", at: option.value.range,
            hints: ["columns: \(columns.joined(separator: ", "))"]
          ).suggesting(Suggestion.nearest(to: text, in: columns))
        }
        return text
      }
      func number(_ range: ClosedRange<Double>) throws(Diagnostic) -> Double {
        guard let value = Double(text), range.contains(value) else {
          throw source.diagnostic(
            "\(option.name) must be a number from \(NumberFormatting.plain(range.lowerBound).replacingSuffix(".0")) to \(NumberFormatting.plain(range.upperBound).replacingSuffix(".0"))",
            at: option.value.range)
        }
        return value
      }
      switch option.name {
      case "x": x = try column()
      case "y": y.append(try column())
      case "series": series = try column()
      case "title": title = text
      case "target": target = try number(-1e15...1e15)
      case "highlight": highlight = text
      case "label": label = try column()
      case "width": width = Int(try number(20...1000))
      case "height": height = Int(try number(4...200))
      case "bins": bins = Int(try number(1...200))
      case "top": top = Int(try number(1...1000))
      case "rows": rows = Int(try number(1...Double(ChartOptions.maximumRows)))
      default:
        throw source.diagnostic(
          "unknown chart option '\(option.name)'", at: option.nameRange,
          hints: ["options: \(ChartOptions.names.joined(separator: ", "))"]
        ).suggesting(Suggestion.nearest(to: option.name, in: ChartOptions.names))
      }
    }
  }

  /// An option value as text: a bare name, a string, or a number.
  static func text(_ expression: Expression, source: SourceText) -> String {
    switch expression.kind {
    case .column(let name, nil): return name
    case .string(let text): return text
    case .integer(let v): return String(v)
    case .double(let v): return NumberFormatting.plain(v)
    case .unary(.negate, let inner): return "-" + text(inner, source: source)
    default: return source[expression.range]
    }
  }
}
