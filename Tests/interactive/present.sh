#!/usr/bin/env bash
# `trappe --present` under tmux, as a presenter at a steering-group meeting uses it (review
# ux.md §4.1, P1 #3 and #7, P2 #20 and #21): every step of Scripts/runde5.trp fits 80×24 and
# 100×30 with the illustrative label pinned, clicker keys (→, PgDn, ↓) advance and ← goes back,
# a script with an error is stopped by the pre-flight, setup lines are no steps, a resize
# redraws the step, and `:` answers one ad-hoc query.
#
# Usage: Tests/interactive/present.sh PATH/TO/trappe   (also run by Tests/interactive/run.sh)
# Prints "PASS name" / "FAIL name" per check and "N passed, M failed" at the end.
set -u

binary=${1:?usage: $0 PATH/TO/trappe}
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
command -v tmux >/dev/null || { echo "FAIL tmux is not installed"; exit 1; }
root=$(cd "$(dirname "$0")/../.." && pwd)

work=$(mktemp -d)
socket="trappe-present-$$"
passed=0
failed=0
export HOME="$work/home" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME"

pane=p
wait_seconds=10
source "$(dirname "$0")/tmux-lib.sh"
trap cleanup EXIT
tm new-session -d -s keeper "sleep 3600"

# Presents $1 (with arguments $3..) in a $2 (COLSxROWS) terminal, from the repository root.
present() {
  local script=$1 size=$2
  shift 2
  tm kill-session -t p 2>/dev/null
  tm new-session -d -s p -x "${size%x*}" -y "${size#*x}" \
    "cd '$root' && env HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' '$binary' --present '$script' $*; echo EXIT=\$?; sleep 600"
}

label="Illustrative data, not real results"
keys="next.*quit"

# Step $1 of runde5 fits a $2-row screen: the title is on top, the keys line is the last row and
# the label the row above it (except step 1, the round plan from runder, which is no generated
# data); nothing is cut with "more lines"; a table is whole down to its bottom border and its
# `N = …` line.
step_fits() {
  local step=$1 rows=$2 s
  wait_re "^Step $step/8( ·|:)" 30 || return 1
  sleep 0.2
  s=$(screen)
  [ "$(printf '%s\n' "$s" | wc -l)" -eq "$rows" ] || return 1
  printf '%s\n' "$s" | head -n 1 | grep -qE "^Step $step/8( ·|:) " || return 1
  printf '%s\n' "$s" | tail -n 1 | grep -qE "$keys" || return 1
  if [ "$step" -eq 1 ]; then
    ! printf '%s\n' "$s" | grep -qF "$label" || return 1
  else
    printf '%s\n' "$s" | tail -n 2 | head -n 1 | grep -qF "$label" || return 1
  fi
  ! printf '%s\n' "$s" | grep -q "more lines" || return 1
  if [ "$step" -ne 8 ]; then
    printf '%s\n' "$s" | grep -q "^└" && printf '%s\n' "$s" | grep -q "^N = " || return 1
  fi
  return 0
}

# All eight steps at COLSxROWS $1, stepping with Space (the one key every version has).
fits() {
  local size=$1 rows=${1#*x} step
  present Scripts/runde5.trp "$size"
  step_fits 1 "$rows" || return 1
  for step in 2 3 4 5 6 7 8; do
    tm send-keys -t p Space
    step_fits "$step" "$rows" || { echo "step $step at $size"; return 1; }
  done
  tm send-keys -t p q && wait_for "EXIT=0"
}
check "runde5 at 80x24: every step fits, the illustrative label pinned" fits 80x24
check "runde5 at 100x30: every step fits, the illustrative label pinned" fits 100x30

# Clicker and keyboard keys as whole keys: →, PgDn, ↓ next; ←, ↑, PgUp back; Home, End, g N.
keys_work() {
  present Scripts/runde5.trp 100x30
  step_fits 1 30 || return 1
  tm send-keys -t p Right && step_fits 2 30 || return 1
  tm send-keys -t p PageDown && step_fits 3 30 || return 1
  tm send-keys -t p Down && step_fits 4 30 || return 1
  tm send-keys -t p Left && step_fits 3 30 || return 1
  tm send-keys -t p Up && step_fits 2 30 || return 1
  tm send-keys -t p PageUp && step_fits 1 30 || return 1
  tm send-keys -t p End && step_fits 8 30 || return 1
  tm send-keys -t p Home && step_fits 1 30 || return 1
  tm send-keys -t p g 6 Enter && step_fits 6 30 || return 1
  tm send-keys -t p q && wait_for "EXIT=0"
}
check "keys: → PgDn ↓ next, ← ↑ PgUp back, Home, End, g N" keys_work

# The gap step says what `short` counts (persons, person-weeks) on screen, at both sizes.
units() {
  present Scripts/runde5.trp "$1"
  wait_re "^Step 1/8( ·|:)" 60 && tm send-keys -t p Space Space Space && wait_re "^Step 4/8( ·|:)" \
    && wait_for "short in persons (rounded up): i_gang" && wait_for "short in person-weeks (rounded up):" \
    && tm send-keys -t p q && wait_for "EXIT=0"
}
check "runde5 at 80x24: the gap step keeps the persons/person-weeks notes" units 80x24
check "runde5 at 100x30: the gap step keeps the persons/person-weeks notes" units 100x30

# A script with an error on line 5, column 18: reported before any screen, exit 1, no step shown.
cat >"$work/fejl.trp" <<'EOF'
-- A good step
kommuner | summarize n = count()

-- A step with a typo
kommuner | where regionn == "Region Sjælland" | summarize n = count()
EOF
preflight() {
  present "$work/fejl.trp" 100x30
  wait_for "EXIT=1" 60 && wait_for "fejl.trp:5:18: error:" && wait_for "nothing was presented" \
    && wait_for "--force" && ! screen | grep -q "^Step "
}
check "pre-flight: an error is reported with file:line:col and nothing is presented" preflight
forced() {
  present "$work/fejl.trp" 100x30 --force
  wait_for "Press a key to start" 60 && tm send-keys -t p Space && wait_re "^Step 1/2( ·|:) A good step" \
    && tm send-keys -t p Space && wait_re "^Step 2/2( ·|:) A step with a typo" && wait_for "fejl.trp:5:18: error:" \
    && tm send-keys -t p q && wait_for "EXIT=0"
}
check "pre-flight with --force: presents, the failing step shows its error" forced

# Setup lines print no result: they are no steps, but they run (.locale da gives 8,5).
cat >"$work/setup.trp" <<'EOF'
-- Setup
.locale da
.maxrows 6
let sj = kommuner | where region == "Region Sjælland"
measure andel = 100 * sum(vip2) / count() unit "%"

-- Municipalities in Region Sjælland, and half of them
sj | summarize n = count() | extend half = n / 2.0

-- All municipalities
kommuner | summarize n = count()
EOF
setup_lines() {
  present "$work/setup.trp" 100x30
  wait_re "^Step 1/2( ·|:) Municipalities in Region Sjælland" 60 && wait_for "8,5" \
    && ! screen | grep -qF ".locale" && tm send-keys -t p Space && wait_re "^Step 2/2( ·|:) All municipalities" \
    && wait_for "98" && tm send-keys -t p q && wait_for "EXIT=0"
}
check "setup lines (.locale, .maxrows, let, measure) are no steps, and they run" setup_lines

# Start at 120x30 on the bench step (its table is 85 columns wide), shrink to 80x24: the step is
# drawn again for 80x24 without a key: the table's top right corner is there, the label and the
# keys are the last two rows.
resize() {
  present Scripts/runde5.trp 120x30
  wait_re "^Step 1/8( ·|:)" 60 && tm send-keys -t p Space && wait_re "^Step 2/8( ·|:)" || return 1
  tm resize-window -t p -x 80 -y 24
  local i s
  for i in $(seq 50); do
    s=$(screen)
    if [ "$(printf '%s\n' "$s" | wc -l)" -eq 24 ] && printf '%s\n' "$s" | tail -n 1 | grep -qE "$keys" \
      && printf '%s\n' "$s" | tail -n 2 | head -n 1 | grep -qF "$label" \
      && printf '%s\n' "$s" | grep -q "^┌.*┐$"; then
      tm send-keys -t p q && wait_for "EXIT=0"
      return
    fi
    sleep 0.1
  done
  return 1
}
check "a resize from 120x30 to 80x24 redraws the step for the new size" resize

# `:` reads one ad-hoc query; its result is shown with the label; any key goes back.
ad_hoc() {
  present Scripts/runde5.trp 100x30
  wait_re "^Step 1/8( ·|:)" 60 && tm send-keys -t p Space && wait_re "^Step 2/8( ·|:)" \
    && tm send-keys -t p : && sleep 0.3 && tm send-keys -t p 'resultater | summarize n = count()' Enter \
    && wait_for "Ad-hoc query" && wait_for "2940 │" && wait_for "$label" \
    && tm send-keys -t p x && wait_re "^Step 2/8( ·|:)" && tm send-keys -t p q && wait_for "EXIT=0"
}
check ": runs one ad-hoc query and any key returns to the step" ad_hoc

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
