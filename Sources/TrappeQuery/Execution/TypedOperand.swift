import TrappeStorage

/// A typed operand for a kernel loop: a contiguous array with its validity, or one constant.
enum TypedOperand<Element> {
  case array([Element], ValidityMask)
  case scalar(Element)
}
