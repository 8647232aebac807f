#!/usr/bin/env bash
# Types the README's five-minute tour into the interactive shell at 80x24, line by line as a
# user would (Enter after each line, waiting for the prompt), and checks each step's screen.
#
# Usage: Tests/interactive/readme_tour.sh PATH/TO/trappe
# The input lines are read from README.md (the `trappe> ` and `   ...> ` lines between
# "## A five-minute tour" and "## Commands"), after the commands the tour's prose names
# (.help, .help load, .datasets, .datasets befolkning, .describe befolkning), and followed by
# the prose's `_ | top 1 by pct`, `let vip = ...` and `explain ...`. Other work changes how
# tables and footers look, so the checks are on facts: values, the banner, the continuation,
# and no `error:` except on the two lines the README shows failing.
# Prints "PASS name" / "FAIL name" per check and "N passed, M failed" at the end.
set -u

binary=${1:?usage: $0 PATH/TO/trappe}
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v tmux >/dev/null || { echo "FAIL tmux is not installed"; exit 1; }

work=$(mktemp -d)
socket="trappe-tour-$$"
passed=0
failed=0
mkdir -p "$work/home" "$work/state"

pane=t
wait_seconds=30
source "$(dirname "$0")/tmux-lib.sh"
trap cleanup EXIT
tm new-session -d -s keeper "sleep 3600"

# The screen and the 2000 lines above it (the output of a long step scrolls).
history_text() { tm capture-pane -p -S -2000 -t t; }

# Types line $1 and Enter, waits for the next prompt, and keeps what this step printed
# (from the typed line on) in $step.
step=""
type_line() {
  tm clear-history -t t
  tm send-keys -t t C-l
  sleep 0.2
  tm send-keys -t t -l "$1"
  tm send-keys -t t Enter
  sleep 0.3
  wait_last "trappe>" || return 1
  step=$(history_text)
}
has() { grep -qF -- "$1" <<<"$step"; }
no_error() { ! grep -q '^error:' <<<"$step"; }

tm new-session -d -s t -x 80 -y 24 -c "$root" \
  "env HOME='$work/home' XDG_STATE_HOME='$work/state' '$binary'; echo EXIT=\$?; sleep 600"
check "starts with the banner and a prompt" \
  bash -c "for i in \$(seq 100); do tmux -L '$socket' capture-pane -p -t t | grep -q '^trappe> *\$' && break; sleep 0.1; done;
    tmux -L '$socket' capture-pane -p -t t | grep -qF 'trappe 0.1.0 — .help for help, .datasets for data'"

tour_step() {
  local line=$1 expect=${2:-}
  type_line "$line" || return 1
  no_error || return 1
  [ -z "$expect" ] || has "$expect"
}

check ".help lists the commands" tour_step ".help" ".datasets"
check ".help load shows an example" tour_step ".help load" "Example:"
check ".datasets lists befolkning" tour_step ".datasets" "befolkning"
check ".datasets befolkning" tour_step ".datasets befolkning" "Danmarks Statistik"
check ".describe befolkning" tour_step ".describe befolkning" "kommune"

# The README's own input lines, typed one by one; the expected fact for each comes after it.
readme_lines=$(awk '/^## A five-minute tour/{on=1} /^## Commands/{on=0}
  on && /^trappe> /{print substr($0, 9)} on && /^   \.\.\.> /{print substr($0, 9)}' "$root/README.md")
expect_for() {
  case "$1" in
    ".load Tests/GoldenTests/Fixtures/ledighed_latin1.csv as eksport") echo "loaded eksport: 12 rows" ;;
    ".describe eksport") echo "Fuldtidsledige" ;;
    "eksport") echo "12 rows" ;;
    "eksport | take 3") echo "| Gladsaxe | 159 | 2007 |" ;;
    ".save eksport /tmp/eksport.csv") echo "saved 12 rows" ;;
    "kommunepanel") echo "kommunepanel" ;;
    "| where aar == 2009") echo "Fredensborg" ;;
    "| sort by pct desc") echo "Slagelse" ;;
    *) echo "" ;;
  esac
}
count=0
while IFS= read -r line; do
  count=$((count + 1))
  case "$line" in
    *befolknig*)
      check "README: $line" bash -c "true"
      type_line "$line"
      check "  fails at the typo with a suggestion" has "did you mean 'befolkning'?"
      ;;
    *bad_ragged*)
      type_line "$line"
      check "README: $line (fails with line and column)" has "bad_ragged.csv:3:21: error: line 3 has 4 fields"
      ;;
    *)
      check "README: $line" tour_step "$line" "$(expect_for "$line")"
      ;;
  esac
done <<<"$readme_lines"
check "the README tour has its lines ($count)" [ "$count" -ge 17 ]

# The pipeline typed line by line ends with the README's result (the tour types .locale en
# before it): Slagelse first with 2.65 % and a change of 0.99; five rows.
pipeline_result() {
  type_line "_ | select kommune, pct, ændring | take 1" && has "Slagelse" && has "2.65" && has "0.99"
}
check "the typed pipeline gives the README's result" pipeline_result
check "_ | top 1 by pct" tour_step "_ | top 1 by pct" "Slagelse"
check "let vip = ..." tour_step "let vip = kommuner | where vip2" "created vip: 5 rows"
check "explain ..." tour_step "explain vip | where region == \"Region Sjælland\" | select kommune" "scan"
check ".history holds the pipeline once" tour_step ".history" "| sort by pct desc"

tm send-keys -t t C-d
check "Ctrl-D leaves without echoing ^D" \
  bash -c "sleep 0.5; out=\$(tmux -L '$socket' capture-pane -p -t t); grep -q EXIT=0 <<<\"\$out\" && ! grep -qF '^D' <<<\"\$out\""

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
