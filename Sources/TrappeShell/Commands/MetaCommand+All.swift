import TrappeIO
import TrappeDatasets

extension MetaCommand {
  /// Every meta command, in the order `.help` lists them.
  static let all: [MetaCommand] = [
    .help, .tables, .datasets, .measures, .describe, .load, .save, .drop, .read, .mode, .width, .maxrows, .locale, .charset,
    .suppress, .timer, .ci, .set, .record, .memory, .echo, .quit, .footer, .notes, .report,
  ]
}
