import CLibEdit
import Glibc

extension LineEditor {
  /// Ctrl-D: leaves on an empty line without echoing `^D` (libedit's own binding writes
  /// the key first), deletes the character under the cursor otherwise.
  func endOfFileOrDelete() -> UInt8 {
    guard let info = el_line(editor) else { return UInt8(CC_ERROR) }
    if info.pointee.lastchar == info.pointee.buffer { return UInt8(CC_EOF) }
    guard info.pointee.cursor < info.pointee.lastchar else { return UInt8(CC_ERROR) }
    _ = el_cursor(editor, 1)
    el_deletestr(editor, 1)
    return UInt8(CC_REFRESH)
  }

  /// `,`: typed right after a completion that added a space, replaces that space,
  /// so `Område⇥,` reads `Område,`.
  func insertComma() -> UInt8 {
    guard let info = el_line(editor) else { return UInt8(CC_ERROR) }
    let cursor = info.pointee.cursor - info.pointee.buffer
    if let completed = completionEnd, completed == cursor, cursor > 0,
      info.pointee.cursor.advanced(by: -1).pointee == CChar(UInt8(ascii: " "))
    {
      el_deletestr(editor, 1)
    }
    completionEnd = nil
    _ = el_insertstr(editor, ",")
    return UInt8(CC_REFRESH)
  }
}

/// libedit's callback for the `trappe-eof` editor function.
let endOfFileCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
  LineEditor.from(el)?.endOfFileOrDelete() ?? UInt8(CC_EOF)
}

/// libedit's callback for the `trappe-comma` editor function.
let commaCallback: @convention(c) (OpaquePointer?, Int32) -> UInt8 = { el, _ in
  LineEditor.from(el)?.insertComma() ?? UInt8(CC_ERROR)
}
