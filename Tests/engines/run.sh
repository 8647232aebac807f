#!/usr/bin/env bash
# The engine suite (issue 17): the bridge and `.engine duckdb` end to end.
#   1. messages: no engine attached, a missing Python module, an engine error with its SQL,
#      a cancelled query (SIGINT), a restart after the bridge died;
#   2. check_engine.py: pipelines and analyses locally and on DuckDB, compared cell by cell.
# Usage: Tests/engines/run.sh PATH-TO-TRAPPE [PYTHON]
# PYTHON (default .build/venv/bin/python, filled by Scripts/ensure-deps --engines) must import
# duckdb: a missing DuckDB fails this suite, it is never skipped.
set -uo pipefail
bin=$(realpath "${1:?usage: run.sh PATH-TO-TRAPPE [PYTHON]}")
cd "$(dirname "$0")/../.."
root=$(pwd)
python=${2:-$root/.build/venv/bin/python}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_STATE_HOME="$work/state" NO_COLOR=1 TRAPPE_HOME="$root" TRAPPE_PYTHON="$python"
mkdir -p "$HOME"
passed=0
failed=0

if ! "$python" -c "import duckdb" 2>/dev/null; then
  echo "FAIL: $python cannot import duckdb (install it with Scripts/ensure-deps --engines)"
  exit 1
fi

# contains NAME NEEDLE HAYSTACK
contains() {
  if [[ "$3" == *"$2"* ]]; then
    echo "PASS $1"
    passed=$((passed + 1))
  else
    echo "FAIL $1: expected to find $(printf %q "$2")"
    echo "  in: $(printf %q "${3:0:800}")"
    failed=$((failed + 1))
  fi
}

db="$work/t.duckdb"
"$python" - "$db" <<'PY'
import sys, duckdb
c = duckdb.connect(sys.argv[1])
c.execute("CREATE TABLE t AS SELECT range AS i, range % 3 AS g, DATE '2008-01-07' + CAST(range AS INTEGER) * 7 AS uge FROM range(10)")
c.execute("CREATE VIEW bad AS SELECT CAST(s AS INTEGER) AS n FROM (VALUES ('x')) v(s)")
c.execute("CREATE TABLE stamp AS SELECT TIMESTAMP '2008-01-01 10:00' AS ts")
c.execute("CREATE TABLE dato AS SELECT DATE '2008-01-01' AS d")
c.execute("CREATE VIEW slow AS SELECT CAST(sum(a.range * b.range) AS DOUBLE) AS n FROM range(200000) a, range(200000) b")
c.execute("CREATE TABLE big AS SELECT range AS i FROM range(5000)")
c.close()
PY

# 1. No engine attached: a file source is refused with a caret and the command to attach one.
err=$("$bin" --no-rc -c 'parquet("data/*.parquet") | count' 2>&1 >/dev/null)
contains "file source without an engine" 'no engine is attached' "$err"
contains "file source caret" '^^^^^^^^^^^^^^^^^^^^^^^^' "$err"
contains "file source hint" 'hint: attach one first: .engine duckdb' "$err"

# 2. A missing module: a Python without duckdb names the install command.
printf '#!/bin/sh\nexec %s -S "$@"\n' "$(command -v python3)" >"$work/bare-python"
chmod +x "$work/bare-python"
err=$(TRAPPE_PYTHON="$work/bare-python" "$bin" --no-rc -c ".engine duckdb $db" 2>&1 >/dev/null)
contains "missing module" "needs the Python module 'duckdb'" "$err"
contains "missing module install command" 'Scripts/ensure-deps --engines' "$err"

# 3. Attach, list, describe, types.
out=$("$bin" --no-rc -c ".engine duckdb $db" -c '.engine' -c '.tables' 2>&1)
contains "attach" "attached DuckDB" "$out"
contains ".engine shows it" "duckdb: DuckDB" "$out"
contains ".tables lists engine tables" "duckdb.t " "$out"
# .tables: the column count from the schema and DuckDB's stored row count; a view is "?", not NULL.
tline=$(grep -F '│ duckdb.t ' <<<"$out" | tr -d '│' | tr -s ' ')
contains ".tables counts an engine table's rows and columns" "duckdb.t 10 3 on DuckDB" "$tline"
bigline=$(grep -F '│ duckdb.big ' <<<"$out" | tr -d '│' | tr -s ' ')
contains ".tables counts a larger engine table" "duckdb.big 5000 1 on DuckDB" "$bigline"
slowline=$(grep -F '│ duckdb.slow ' <<<"$out" | tr -d '│' | tr -s ' ')
contains ".tables does not count (run) a view" "duckdb.slow ? 1 on DuckDB" "$slowline"
contains ".tables footer says how engine rows are counted" "rows of duckdb tables: the engine's stored row count (no scan); ? = a view" "$out"
if [[ "$out" == *NULL* ]]; then
  echo "FAIL .tables shows no NULL for engine tables"; echo "  in: $out"; failed=$((failed + 1))
else
  echo "PASS .tables shows no NULL for engine tables"; passed=$((passed + 1))
fi
out=$("$bin" --no-rc -c ".engine duckdb $db" -c '.describe duckdb.t' 2>&1)
contains ".describe on the engine" "period(week)" "$out"
contains ".describe counts there" "duckdb.t: 10 rows" "$out"
err=$("$bin" --no-rc -c ".engine duckdb $db" -c 'duckdb.stamp | count' 2>&1)
contains "unsupported type refused" "engine type TIMESTAMP, which Trappe has no form for" "$err"
err=$("$bin" --no-rc -c ".engine duckdb $db" -c 'duckdb.dato | count' 2>&1)
contains "DATE without a unit refused" "has no period unit Trappe can tell" "$err"
out=$("$bin" --no-rc -c ".engine duckdb $db months=d" -c 'duckdb.dato' 2>&1)
contains "months= names the unit" "2008-01" "$out"

# 4. An engine error shows the engine's message and where to see the SQL.
err=$("$bin" --no-rc -c ".engine duckdb $db" -c 'duckdb.bad | summarize s = sum(n)' 2>&1)
contains "engine error message" "failed: Conversion Error" "$err"
contains "engine error SQL hint" "explain sql" "$err"
out=$("$bin" --no-rc -c ".engine duckdb $db" -c 'explain sql duckdb.t | where g == 1 | count' 2>&1)
contains "explain sql in the engine's dialect" 'FROM "t"' "$out"
out=$("$bin" --no-rc -c ".engine duckdb $db" -c 'explain duckdb.t | where g == 1 | count' 2>&1)
contains "explain says where it runs" "runs on DuckDB" "$out"
# A large local table is refused, with the reason.
err=$("$bin" --no-rc -c ".engine duckdb $db" -c 'duckdb.t | join (forloeb | select person, i = kommunekode) on i | count' 2>&1)
contains "a large local table is not sent" "only tables up to 10000 rows are sent" "$err"
# A result larger than the memory budget allows is not brought back.
err=$("$bin" --no-rc -c ".memory limit 1MB" -c ".engine duckdb $db" -c 'duckdb.big' 2>&1)
contains "result over the budget refused" "more than the memory budget leaves room for" "$err"

# 5. Ctrl-C in the interactive shell (under tmux) cancels the engine's query; the session and
#    the bridge stay usable; Tab completes engine tables and their columns.
if command -v tmux >/dev/null; then
  socket="trappe-engines-$$"
  pane=t
  source Tests/interactive/tmux-lib.sh
  trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT
  tm new-session -d -s keeper "sleep 3600"
  tm new-session -d -s t -x 120 -y 40 \
    "env HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' TRAPPE_HOME='$root' TRAPPE_PYTHON='$python' '$bin' --no-rc; echo EXIT=\$?; sleep 600"
  wait_last "trappe>" 10
  tm send-keys -t t ".engine duckdb $db" Enter
  check "attach in the shell" wait_for "attached DuckDB" 20
  tm send-keys -t t C-l "duckdb.sl" Tab
  check "Tab completes an engine table" wait_for "trappe> duckdb.slow" 10
  tm send-keys -t t C-u C-l "duckdb.t | where ug" Tab
  check "Tab completes an engine table's column" wait_for "trappe> duckdb.t | where uge" 10
  tm send-keys -t t C-u C-l "duckdb.slow" Enter
  sleep 3
  tm send-keys -t t C-c
  check "Ctrl-C cancels the engine query" wait_for "interrupted: the engine query was cancelled" 20
  tm send-keys -t t C-l "duckdb.t | count" Enter
  check "the engine answers after a cancel" wait_re "│ +10 │" 20
else
  echo "FAIL tmux is not installed (Scripts/ensure-deps --with-tmux)"
  failed=$((failed + 1))
fi

# 6. The comparison suite.
if "$python" Tests/engines/check_engine.py "$bin"; then
  passed=$((passed + 1))
else
  echo "FAIL check_engine.py"
  failed=$((failed + 1))
fi
echo "engines: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
