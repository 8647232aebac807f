extension GapComparison {
  /// Steps (rounds or months) to `threshold` and the trend (met, approaching, moving away, flat),
  /// from the value's change per step since `previous` (value, steps before); nil without a step.
  func pace(value: Double, threshold: Double, met: Bool, previous: (value: Double, steps: Double)?) -> (Int64?, String?) {
    if met { return (0, "met") }
    guard let (before, steps) = previous, steps > 0 else { return (nil, nil) }
    let progress = direction * (value - before) / steps
    if abs(progress) < 1e-9 { return (nil, "flat") }
    if progress < 0 { return (nil, "moving away") }
    let remaining = direction * (threshold - value)
    let count = max(1, (remaining / progress - 1e-9).rounded(.up))
    return (Int64(min(count, 9e15)), "approaching")
  }
}
