import TrappeBase

extension MetaCommand {
  /// `.pager on|off`: results taller than the terminal open in a pager.
  static let pager = wordSetting(
    name: "pager", words: ["on", "off"], usage: ".pager [on|off]",
    summary: "Show or set paging of results taller than the screen",
    details: "on sends a table taller than the terminal to $PAGER, or to 'less -SRFX' when\n"
      + "PAGER is unset (scroll with the arrow keys, q returns to the prompt). On by\n"
      + "default in an interactive shell; scripts, pipes and files are never paged.",
    example: ".pager off", what: "pager setting",
    current: { $0.pager ? "on" : "off" },
    choose: { settings, word in settings.pager = word == "on" })
}
