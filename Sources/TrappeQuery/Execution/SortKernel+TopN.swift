import TrappeBase

extension SortKernel {
  /// Rows whose sort words are written at a time by ``topN(_:count:limit:)``.
  static let topNChunk = 2048

  /// The first `limit` rows of the stable order, found with a bounded max-heap.
  ///
  /// The rows' sort words are written a chunk at a time into a small buffer (no key array of
  /// the whole column), and a row enters the full heap only when it sorts strictly before the
  /// heap's largest row, which its first word usually decides; so among equal keys the earlier
  /// row wins, exactly as in the stable full sort. Ctrl-C is polled between chunks (the caller
  /// then reads the flag and discards the rows).
  static func topN(_ encodings: [SortKeyEncoding], count n: Int, limit: Int) -> [Int32] {
    let layout = wordLayout(encodings)
    let stride = max(layout.count, 1)
    let chunk = topNChunk
    // The chunk's words, row-major, and the heap's rows with a copy of their words.
    var buffer = [UInt64](repeating: 0, count: chunk * stride)
    var heapRows = [Int32]()
    heapRows.reserveCapacity(limit)
    var heapKeys = [UInt64](repeating: 0, count: limit * stride)
    buffer.withUnsafeMutableBufferPointer { chunkBuffer in
      heapKeys.withUnsafeMutableBufferPointer { keyBuffer in
        guard let words = chunkBuffer.baseAddress, let keys = keyBuffer.baseAddress else { return }
        /// Whether heap entry a sorts before heap entry b (row index breaks ties).
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool {
          for w in 0..<stride {
            let ka = keys[a &* stride &+ w]
            let kb = keys[b &* stride &+ w]
            if ka != kb { return ka < kb }
          }
          return heapRows[a] < heapRows[b]
        }
        @inline(__always) func swap(_ a: Int, _ b: Int) {
          heapRows.swapAt(a, b)
          for w in 0..<stride { Swift.swap(&keys[a &* stride &+ w], &keys[b &* stride &+ w]) }
        }
        var start = 0
        while start < n {
          if start > 0 && Interrupt.isRequested { break }
          let end = min(start + chunk, n)
          if !layout.isEmpty { encodeWords(layout, encodings, rows: start..<end, into: words) }
          for i in start..<end {
            let row = words + (i - start) * stride
            if heapRows.count < limit {
              let slot = heapRows.count
              heapRows.append(Int32(truncatingIfNeeded: i))
              for w in 0..<stride { keys[slot &* stride &+ w] = row[w] }
              var child = slot
              while child > 0 {
                let parent = (child - 1) / 2
                if less(parent, child) {
                  swap(parent, child)
                  child = parent
                } else {
                  break
                }
              }
              continue
            }
            // Enters only when strictly before the heap's largest (a later row never wins a tie).
            var before = false
            for w in 0..<stride where row[w] != keys[w] {
              before = row[w] < keys[w]
              break
            }
            guard before else { continue }
            heapRows[0] = Int32(truncatingIfNeeded: i)
            for w in 0..<stride { keys[w] = row[w] }
            var parent = 0
            let size = heapRows.count
            while true {
              let left = 2 * parent + 1
              if left >= size { break }
              var largest = left
              let right = left + 1
              if right < size && less(left, right) { largest = right }
              if less(parent, largest) {
                swap(parent, largest)
                parent = largest
              } else {
                break
              }
            }
          }
          start = end
        }
      }
    }
    // The heap's entries in order: by their words, then by row.
    let order = (0..<heapRows.count).sorted { a, b in
      for w in 0..<stride {
        let ka = heapKeys[a * stride + w]
        let kb = heapKeys[b * stride + w]
        if ka != kb { return ka < kb }
      }
      return heapRows[a] < heapRows[b]
    }
    return order.map { heapRows[$0] }
  }
}
