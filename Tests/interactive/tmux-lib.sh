# Helpers shared by the tmux tests (run.sh, present.sh, readme_tour.sh). The sourcing script
# sets `socket` (its own tmux server), `work` (its scratch folder, removed at the end), `pane`
# (the tmux session its checks read) and optionally `wait_seconds` (how long a wait waits by
# default; 5), and counts `passed` and `failed`.

tm() { tmux -L "$socket" -f /dev/null "$@"; }
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }

# The screen as text.
screen() { tm capture-pane -p -t "$pane"; }
# The last non-empty row of the screen.
last_row() { screen | grep -v '^[[:space:]]*$' | tail -n 1; }

# Waits up to $2 seconds (default: wait_seconds) until the screen contains the fixed string $1.
wait_for() {
  local i
  for i in $(seq $((${2:-${wait_seconds:-5}} * 10))); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# Waits up to $2 seconds (default: wait_seconds) until the screen matches the extended regex $1.
wait_re() {
  local i
  for i in $(seq $((${2:-${wait_seconds:-5}} * 10))); do
    screen | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  return 1
}

# Waits up to $2 seconds (default: wait_seconds) until the last non-empty row is exactly $1.
wait_last() {
  local i
  for i in $(seq $((${2:-${wait_seconds:-5}} * 10))); do
    [ "$(last_row)" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}

# Records a check: "check NAME COMMAND..."; a failure prints the screen.
check() {
  local name=$1
  shift
  if "$@"; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    echo "---- screen ----"
    screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
    echo "----------------"
    failed=$((failed + 1))
  fi
}
