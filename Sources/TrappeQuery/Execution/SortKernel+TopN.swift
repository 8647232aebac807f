
extension SortKernel {
  /// The first `limit` rows of the stable order, found with a bounded max-heap.
  ///
  /// Rows are visited in order; a row enters the full heap only when it sorts
  /// strictly before the heap's largest row, so among equal keys the earlier
  /// row wins, exactly as in the stable full sort.
  static func topN(words: [SortWord], count n: Int, limit: Int) -> [Int32] {
    let stride = max(words.count, 1)
    // Row-major keys: row i's words at i * stride ..< (i + 1) * stride.
    let flat: [UInt64]
    if words.count == 1 {
      flat = words[0].keys
    } else if words.isEmpty {
      flat = [UInt64](repeating: 0, count: n)
    } else {
      var rows = [UInt64](repeating: 0, count: n * stride)
      for (w, word) in words.enumerated() {
        for i in 0..<n { rows[i * stride + w] = word.keys[i] }
      }
      flat = rows
    }
    return flat.withUnsafeBufferPointer { keys -> [Int32] in
      /// Whether row a sorts before row b (row index breaks ties).
      @inline(__always) func less(_ a: Int32, _ b: Int32) -> Bool {
        let ra = Int(a) &* stride
        let rb = Int(b) &* stride
        for w in 0..<stride {
          let ka = keys[ra &+ w]
          let kb = keys[rb &+ w]
          if ka != kb { return ka < kb }
        }
        return a < b
      }
      var heap = [Int32]()
      heap.reserveCapacity(limit)
      for i in 0..<n {
        let row = Int32(truncatingIfNeeded: i)
        if heap.count < limit {
          heap.append(row)
          var child = heap.count - 1
          while child > 0 {
            let parent = (child - 1) / 2
            if less(heap[parent], heap[child]) {
              heap.swapAt(parent, child)
              child = parent
            } else {
              break
            }
          }
        } else if less(row, heap[0]) {
          heap[0] = row
          var parent = 0
          let size = heap.count
          while true {
            let left = 2 * parent + 1
            if left >= size { break }
            var largest = left
            let right = left + 1
            if right < size && less(heap[left], heap[right]) { largest = right }
            if less(heap[parent], heap[largest]) {
              heap.swapAt(parent, largest)
              parent = largest
            } else {
              break
            }
          }
        }
      }
      heap.sort { less($0, $1) }
      return heap
    }
  }
}
