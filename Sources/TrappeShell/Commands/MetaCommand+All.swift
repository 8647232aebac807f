import TrappeIO
import TrappeDatasets

extension MetaCommand {
  /// Every meta command, in the order `.help` lists them.
  static let all: [MetaCommand] = [
    .help, .tables, .datasets, .measures, .describe, .load, .save, .drop, .read, .mode, .width, .maxrows, .pager, .locale, .lang, .charset,
    .footer, .notes, .suppress, .timer, .ci, .sqldialect, .set, .record, .report, .memory, .threads, .engine, .echo, .history, .rerun, .quit,
  ]
}
