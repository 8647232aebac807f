// CTrappeHints is header-only (see include/CTrappeHints.h); SwiftPM wants one source file per C target.
