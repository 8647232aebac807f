#!/usr/bin/env bash
# Drives the interactive shell under tmux like a user and checks what the screen shows.
#
# Usage: Tests/interactive/run.sh PATH/TO/trappe
# Uses a private tmux server and temporary HOME and XDG_STATE_HOME; prints
# "PASS name" / "FAIL name" per check and "N passed, M failed" at the end.
set -u

binary=${1:?usage: $0 PATH/TO/trappe}
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
command -v tmux >/dev/null || { echo "FAIL tmux is not installed"; exit 1; }

work=$(mktemp -d)
socket="trappe-test-$$"
passed=0
failed=0
export HOME="$work/home" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME" "$work/files"
touch "$work/files/ævløb.csv"
fixtures=$(cd "$(dirname "$0")/../GoldenTests/Fixtures" && pwd)
# A CSV large enough that loading it takes a while, for Ctrl-C during a load.
awk 'BEGIN { print "id;kommune;kvartal;personer;andel"; for (i = 0; i < 3000000; i++) printf "%d;Kommune %d;%dK%d;%d;%d,%02d\n", i, i % 98, 2007 + i % 3, 1 + i % 4, i % 5000, i % 100, i % 97 }' >"$work/big.csv"
mkfifo "$work/fifo"

pane=t
source "$(dirname "$0")/tmux-lib.sh"
trap cleanup EXIT
# A session that lives for the whole run: killing session t while it is the server's only
# session stops the server, and a new-session racing that shutdown failed with "no server running".
tm new-session -d -s keeper "sleep 3600"

# Starts the shell in a 100x30 terminal; the exit status is shown after it ends.
# Optional arguments are extra environment assignments (e.g. LC_ALL=C).
start() {
  tm kill-session -t t 2>/dev/null
  tm new-session -d -s t -x 100 -y 30 \
    "env $* HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary'; echo EXIT=\$?; sleep 600"
  wait_last "trappe>"
}

# Clears the screen and the line so the next check starts on a fresh prompt.
fresh() {
  tm send-keys -t t C-u C-l
  wait_last "trappe>"
}

# Types the keys $2.. on a fresh line and expects the prompt row to read $1.
typed() {
  local expected=$1
  shift
  fresh && tm send-keys -t t "$@" && wait_last "$expected"
}

check "prompt appears" start
check "complete command name" typed "trappe> .help X" '.he' Tab X
check "complete keyword argument" typed "trappe> .mode markdown X" '.mode ma' Tab X
check "complete directory without space" typed "trappe> .read /tmp/X" '.read /tm' Tab X
check "complete UTF-8 file name" typed "trappe> .read $work/files/ævløb.csv X" ".read $work/files/æv" Tab X
list_commands() { typed "trappe> ." '.' Tab && wait_for ".describe" && wait_for ".width"; }
check "list several candidates" list_commands
check "edit æøå: Left, Left, Backspace" typed "trappe> .help øå" '.help æøå' Left Left BSpace
check "insert before ø" typed "trappe> .help Xøå" '.help æøå' Left Left BSpace X
# Issue 15 (review §6.1): no space before a ',' typed after a completion; values in quotes.
check "comma after a completion" typed "trappe> kommuner | select areal_km2, X" 'kommuner | select areal_' Tab , ' X'
check "complete a value in quotes" typed 'trappe> kommuner | where kommune == "Ringkøbing-Skjern" X' 'kommuner | where kommune == "Ringk' Tab X
check "complete a municipality after for" typed 'trappe> bench i_gang for "Høje-Taastrup" X' 'bench i_gang for Høj' Tab X

multi_line() {
  fresh && tm send-keys -t t 'foo (' Enter && wait_last "   ...>" \
    && tm send-keys -t t ')' Enter && wait_last "trappe>" && wait_for "error" \
    && [ "$(screen | grep -c '^error')" -eq 1 ]
}
check "multi-line statement runs once" multi_line
recall_multi_line() {
  fresh && tm send-keys -t t Up && wait_last ")" \
    && screen | grep -v '^[[:space:]]*$' | tail -n 2 | head -n 1 | grep -qxF "trappe> foo ("
}
check "Up recalls the whole multi-line entry" recall_multi_line

interrupt_line() {
  fresh && tm send-keys -t t 'half typed' && wait_last "trappe> half typed" \
    && tm send-keys -t t C-c && wait_last "trappe>" \
    && tm send-keys -t t '.tables' Enter && wait_for "trappe> .tables" && wait_last "trappe>"
}
check "Ctrl-C abandons the line" interrupt_line
interrupt_continuation() {
  fresh && tm send-keys -t t 'foo (' Enter && wait_last "   ...>" \
    && tm send-keys -t t C-c && wait_last "trappe>" \
    && tm send-keys -t t 'X' && wait_last "trappe> X"
}
check "Ctrl-C abandons a multi-line statement" interrupt_continuation
interrupt_command() {
  fresh && tm send-keys -t t ".read $work/fifo" Enter && sleep 0.3 \
    && tm send-keys -t t C-c && wait_last "trappe>" \
    && tm send-keys -t t 'X' && wait_last "trappe> X"
}
check "Ctrl-C stops a blocked command, shell stays" interrupt_command
resize() {
  fresh && tm send-keys -t t ".help $(printf 'a%.0s' $(seq 120))" && sleep 0.2 \
    && tm resize-window -t t -x 60 && sleep 0.3 && tm send-keys -t t 'Z' \
    && wait_for "aZ" && tm resize-window -t t -x 100 && sleep 0.2
}
check "resize keeps the line being edited" resize
check "Ctrl-D exits with status 0" bash -c "$(declare -f tm screen); \
  socket=$socket; tm send-keys -t t C-u C-d; \
  for i in \$(seq 50); do screen | grep -qx EXIT=0 && exit 0; sleep 0.1; done; exit 1"

history_file="$XDG_STATE_HOME/trappe/history"
check "history file written" test -s "$history_file"
# Plain text (issue 15: libedit's format escaped every space as \040): the further lines of a
# statement start with a tab.
check "multi-line entry stored as one readable entry" awk 'prev == "foo (" && $0 == "\t)" { found = 1 } { prev = $0 } END { exit !found }' "$history_file"
check "history file starts with its header" grep -qx '# trappe history: .*' "$history_file"
check "restart" start
# Newest first: the fifo .read, .tables, then the multi-line statement.
check "history survives a restart" bash -c "$(declare -f tm screen last_row wait_last); \
  socket=$socket; tm send-keys -t t Up Up; wait_last 'trappe> .tables'"
check "older entry is the multi-line one" bash -c "$(declare -f tm screen last_row wait_last); \
  socket=$socket; tm send-keys -t t Up; wait_last ')'"
load_fixture() {
  fresh && tm send-keys -t t ".load '$fixtures/områder.csv' as omr" Enter && wait_for "loaded omr"
}
check "load a table" load_fixture
check "complete a table name" typed "trappe> .describe omr X" '.describe om' Tab X
check "complete a column name with æøå" typed "trappe> omr | where Kønsfordeling X" 'omr | where Kø' Tab X
interrupt_load() {
  fresh && tm send-keys -t t ".load '$work/big.csv' as big" Enter && sleep 0.7 \
    && tm send-keys -t t C-c && wait_for "interrupted" && wait_last "trappe>" \
    && tm send-keys -t t C-l '.tables' Enter && wait_for "│ omr" \
    && ! screen | grep -qF "│ big"
}
check "Ctrl-C during a long load keeps the catalog" interrupt_load
presentation() {
  tm kill-session -t t 2>/dev/null
  local root
  root=$(cd "$(dirname "$0")/../.." && pwd)
  tm new-session -d -s t -x 100 -y 30 \
    "cd '$root' && env HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary' --present Scripts/runde2.trp; echo EXIT=\$?; sleep 600"
  # The pre-flight runs the whole script before the first screen.
  local i
  for i in $(seq 12); do wait_for "Step 1/3 · The round's plan" && break; done
  wait_for "Step 1/3 · The round's plan" || return 1
  tm send-keys -t t Space && wait_for "Step 2/3 · Flow: where those on kontanthjælp" || return 1
  tm send-keys -t t Enter && wait_for "Step 3/3" || return 1
  tm send-keys -t t b && wait_for "Step 2/3" || return 1
  tm send-keys -t t b b b && wait_for "Step 1/3" || return 1
  tm send-keys -t t q && wait_for "EXIT=0"
}
check "presentation steps forward and back, q quits" presentation
start
quit_code() { fresh && tm send-keys -t t '.quit 3' Enter && wait_for "EXIT=3"; }
check ".quit 3 exits with status 3" quit_code

c_locale() {
  start LANG= LC_ALL=C && typed "trappe> .help Xøå" '.help æøå' Left Left BSpace X
}
check "æøå edit in the C locale (falls back to UTF-8)" c_locale

stop_and_continue() {
  tm kill-session -t t 2>/dev/null
  tm new-session -d -s t -x 100 -y 30 "env -i PATH='$PATH' TERM=screen PS1='$ ' bash --norc --noprofile -i"
  wait_last '$' \
    && tm send-keys -t t "HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary'" Enter \
    && wait_last "trappe>" && tm send-keys -t t '.he' && wait_last "trappe> .he" \
    && tm send-keys -t t C-z && wait_for "Stopped" && wait_last '$' \
    && tm send-keys -t t fg Enter && wait_last "trappe> .he" \
    && tm send-keys -t t Tab X && wait_last "trappe> .help X"
}
check "Ctrl-Z, fg: the line is redrawn and editing works" stop_and_continue

# History with two sessions and odd history files (reliability review D10, D20, D8).
# Starts the shell in tmux session $1 with XDG_STATE_HOME=$2.
start_in() {
  tm kill-session -t "$1" 2>/dev/null
  tm new-session -d -s "$1" -x 100 -y 30 \
    "env HOME='$HOME' XDG_STATE_HOME='$2' '$binary'; echo EXIT=\$?; sleep 600"
  local i
  for i in $(seq 50); do
    tm capture-pane -p -t "$1" | grep -q "trappe>" && return 0
    sleep 0.1
  done
  return 1
}
# Types $2 and Enter in session $1 and waits until the screen shows its output $3.
run_in() {
  tm send-keys -t "$1" "$2" Enter
  local i
  for i in $(seq 50); do
    tm capture-pane -p -t "$1" | grep -qF -- "$3" && return 0
    sleep 0.1
  done
  return 1
}
two_sessions() {
  local state="$work/state2"
  start_in a "$state" && start_in b "$state" \
    && run_in a ".set x 1" "trappe>" && run_in b ".set y 2" "trappe>" \
    && run_in a ".set x" "x = 1" && run_in b ".set y" "y = 2" \
    && tm send-keys -t a C-d && tm send-keys -t b C-d && sleep 0.5 \
    && grep -qxF '.set x 1' "$state/trappe/history" && grep -qxF '.set y 2' "$state/trappe/history" \
    && grep -qxF '.set x' "$state/trappe/history" && grep -qxF '.set y' "$state/trappe/history"
}
check "two sessions keep both sessions' history" two_sessions
no_debris() {
  local state="$work/state2"
  start_in a "$state" && run_in a ".set z 3" "trappe>" && tm kill-session -t a && sleep 0.5 \
    && [ "$(ls -A "$state/trappe")" = history ] && grep -qxF '.set z 3' "$state/trappe/history"
}
check "closing the terminal leaves only the history file" no_debris
odd_history() {
  local state="$work/state-$1"
  mkdir -p "$state/trappe"
  case $1 in
    fifo) mkfifo "$state/trappe/history" ;;
    zero) ln -s /dev/zero "$state/trappe/history" ;;
    big) { echo _HiStOrY_V2_; yes .tables | head -c 17000000; } >"$state/trappe/history" ;;
  esac
  start_in odd "$state" && tm capture-pane -p -J -t odd | grep -qF "trappe: history is not kept this session: $state/trappe/history is $2" \
    && run_in odd ".set w 4" "trappe>" && run_in odd ".set w" "w = 4"
}
check "a FIFO history file: warning, no hang" odd_history fifo "a FIFO (named pipe), not a regular file"
check "a history link to /dev/zero: warning, no endless read" odd_history zero "a character device, not a regular file"
unwritable_state() {
  touch "$work/state-file"
  start_in odd "$work/state-file" \
    && [ "$(tm capture-pane -p -J -t odd | grep -cE "history is not kept this session: cannot (read|write) $work/state-file/trappe/history: Not a directory")" -eq 1 ] \
    && run_in odd ".set v 5" "trappe>" && run_in odd ".set v" "v = 5"
}
# 17,000,000 + 13 bytes is 16.2 MiB, shown rounded up.
old_format() {
  local state="$work/state-old"
  mkdir -p "$state/trappe"
  printf '_HiStOrY_V2_\n.set\\040u\\0406\n' >"$state/trappe/history"
  start_in old "$state" && tm send-keys -t old Up && sleep 0.3 \
    && tm capture-pane -p -t old | grep -qF 'trappe> .set u 6' \
    && grep -qx '.set u 6' "$state/trappe/history" && ! grep -q '_HiStOrY_V2_' "$state/trappe/history"
}
check "a history file of an earlier Trappe is read and rewritten plainly" old_format
check "a history file over 16 MB: warning, not read" odd_history big "17 MB, more than the 16 MB a history file may have"
check "an unwritable state folder: one warning at start-up" unwritable_state

# Under ulimit -v 2 GB a many-to-many join (2e10 rows) stops with an error naming it, and the
# same session runs the next command (issue 12, reliability review D2).
join_over_budget() {
  tm kill-session -t t 2>/dev/null
  local root
  root=$(cd "$(dirname "$0")/../.." && pwd)
  tm new-session -d -s t -x 100 -y 30 \
    "cd '$root' && ulimit -v 2000000 && env HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary'; echo EXIT=\$?; sleep 600"
  wait_last "trappe>" || return 1
  tm send-keys -t t 'forloeb | join (forloeb | select koen, p2 = person) on koen | count' Enter
  for i in $(seq 10); do screen | grep -qF "would need about" && break; sleep 1; done
  screen | grep -qF '`join (forloeb | select koen, p2 = person) on koen` would need about' || return 1
  wait_last "trappe>" && tm send-keys -t t C-l 'kommuner | summarize n = count()' Enter && wait_for "N = 98 rows summarized" \
    && ! screen | grep -qF "EXIT="
}
check "a join over the memory budget stops, the session goes on" join_over_budget

# Waits up to $2 seconds (default 120) until the screen contains the fixed string $1.
wait_long() {
  local i
  for i in $(seq $((${2:-120} * 10))); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# Ctrl-C inside a hash join stops it (reliability review D2: it was ignored while memory grew
# to 8.7 GB). The join makes 95,513 x 1,385 + 106,906 x 1,615 = 304,938,695 pairs (koen has
# two values; the right side is forloeb's first 3,000 rows), seconds of work even in release.
interrupt_join() {
  start && tm send-keys -t t 'let f = forloeb | where koen == "mand"' Enter && wait_long "created f" \
    && fresh && tm send-keys -t t 'forloeb | join (forloeb | take 3000 | select koen, p2 = person) on koen | count' Enter \
    && sleep 1 && tm send-keys -t t C-c && wait_long "interrupted" 30 && wait_last "trappe>" \
    && tm send-keys -t t C-l 'f | count' Enter && wait_for "106906" \
    && ! screen | grep -qF "304938695"
}
check "Ctrl-C during a many-to-many join keeps the session" interrupt_join

# Ctrl-C during .save of about 3 million rows (review D11: the save went on and finished).
# The target keeps its old content and no temporary file is left. 95,513 x 21 + 106,906 x 9
# = 2,967,927 rows (forloeb's first 30 rows: 21 kvinde, 9 mand).
interrupt_save() {
  printf 'old\n' >"$work/files/big_out.csv"
  fresh && tm send-keys -t t 'let big = forloeb | join (forloeb | take 30 | select koen, p2 = person) on koen' Enter \
    && wait_long "created big: 2967927 rows" \
    && fresh && tm send-keys -t t ".save big $work/files/big_out.csv" Enter \
    && sleep 0.5 && tm send-keys -t t C-c && wait_long "interrupted" 30 && wait_last "trappe>" \
    && [ "$(cat "$work/files/big_out.csv")" = "old" ] \
    && [ -z "$(find "$work/files" -name '*big_out*' ! -name big_out.csv)" ] \
    && tm send-keys -t t C-l 'big | count' Enter && wait_for "2967927"
}
check "Ctrl-C during .save keeps the old file and the table" interrupt_save

# Review P2 #8: at 100x30 a chart and its footer fit the screen, so the command, the chart's
# title, the y-axis title and top tick and the target line stay visible (they scrolled off).
chart_fits_screen() {
  fresh && tm send-keys -t t 'bench i_gang for Slagelse against peers by runde | chart line x=runde y=value target=25' Enter \
    && wait_for "Illustrative data" && wait_last "trappe>" \
    && screen | grep -qF "trappe> bench i_gang for Slagelse against peers by runde | chart line" \
    && screen | grep -qx "bench i_gang for Slagelse against peers by runde" \
    && screen | grep -qx "value (%)" \
    && screen | grep -A1 -x "value (%)" | tail -n 1 | grep -q "┤" \
    && screen | grep -qF "target 25 %" \
    && [ "$(screen | grep -c "[┤│]")" -ge 6 ]
}
check "a chart with its footer fits a 100x30 screen" chart_fits_screen
# Present mode (review P1 #3, #7, P2 #20, #21) has its own script; its checks count here.
present_out=$(bash "$(dirname "$0")/present.sh" "$binary")
echo "$present_out" | grep -v '^[0-9]* passed, [0-9]* failed$'
passed=$((passed + $(echo "$present_out" | grep -c '^PASS ')))
failed=$((failed + $(echo "$present_out" | grep -c '^FAIL ')))
# Tables keep numbers whole at 80x24 and 100x30 (issue 15, review P1 #2: `.maxrows 6` then
# `resultater` showed uger_i_alt = 209348.2 as 20934…). Columns are hidden instead, and named.
# $1 x $2: the terminal; $3: a number that must be on the screen whole (empty: none).
whole_numbers() {
  tm kill-session -t t 2>/dev/null
  tm new-session -d -s t -x "$1" -y "$2" \
    "env PAGER= HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary'; echo EXIT=\$?; sleep 600"
  wait_last "trappe>" || return 1
  tm send-keys -t t '.maxrows 6' Enter && tm send-keys -t t C-l 'resultater' Enter && wait_for "N = 2940 rows" || return 1
  local box
  box=$(screen | sed -n '/┌/,/┘/p')
  # No number cut with …, every box line exactly as wide as the top border, at most the terminal.
  ! grep -qE '[0-9]…' <<<"$box" || return 1
  [ "$(while IFS= read -r line; do LC_ALL=C.UTF-8 wc -L <<<"$line"; done <<<"$box" | sort -u | wc -l)" = 1 ] || return 1
  [ "$(head -n 1 <<<"$box" | LC_ALL=C.UTF-8 wc -L)" -le "$1" ] || return 1
  grep -qF "hidden: kommunekode" <<<"$box" && grep -qF "København │" <<<"$box" || return 1
  [ -z "$3" ] || grep -qF " $3 │" <<<"$box"
}
check "80x24: .maxrows 6, resultater: no number cut, hidden columns named" whole_numbers 80 24 17628.7
check "100x30: .maxrows 6, resultater: no number cut, uger_i_alt whole" whole_numbers 100 30 209348.2

# A result taller than the screen opens in the pager (less -SRFX when PAGER is unset): the
# header stays on the first screen; q returns to the prompt. `.pager off` prints it all.
pager() {
  tm kill-session -t t 2>/dev/null
  tm new-session -d -s t -x 80 -y 24 \
    "env PAGER= HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary'; echo EXIT=\$?; sleep 600"
  wait_last "trappe>" || return 1
  tm send-keys -t t C-l 'kommuner' Enter && wait_for "kommunekode" || return 1
  sleep 0.3
  # less shows the top of the table and waits at its ':' prompt.
  screen | head -n 1 | grep -qF "┌" && [ "$(last_row)" = ":" ] || return 1
  tm send-keys -t t q && wait_last "trappe>" || return 1
  tm send-keys -t t '.pager off' Enter && tm send-keys -t t C-l 'kommuner' Enter && wait_for "N = 98 rows" \
    && wait_last "trappe>" && ! screen | grep -qF "┌"
}
check "a table taller than 80x24 opens in less; q returns; .pager off prints it" pager

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
