#!/usr/bin/env bash
# Process-level checks of the trappe binary: exit statuses, batch mode, scripts, -c, formats.
# Usage: Tests/cli/run.sh PATH-TO-TRAPPE
set -uo pipefail
bin=$(realpath "${1:?usage: run.sh PATH-TO-TRAPPE}")
cd "$(dirname "$0")/../.."
fixtures=Tests/GoldenTests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_STATE_HOME="$work/state" NO_COLOR=
mkdir -p "$HOME"
passed=0
failed=0

# check NAME EXPECTED-STATUS COMMAND...: runs COMMAND, keeps stdout/stderr in $out/$err.
check() {
  local name=$1 want=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local got=$?
  out=$(cat "$work/out")
  err=$(cat "$work/err")
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit status $got, expected $want"
    echo "  stdout: ${out:0:400}"
    echo "  stderr: ${err:0:400}"
    failed=$((failed + 1))
    return 1
  fi
  return 0
}

# equal NAME EXPECTED ACTUAL: passes when ACTUAL is exactly EXPECTED.
equal() {
  if [ "$3" == "$2" ]; then
    echo "PASS $1"
    passed=$((passed + 1))
  else
    echo "FAIL $1: expected exactly: $(printf %q "$2")"
    echo "  got: $(printf %q "${3:0:600}")"
    failed=$((failed + 1))
  fi
}

# expect NAME TEXT HAYSTACK: passes when HAYSTACK contains TEXT (TEXT must not be empty).
expect() {
  [ -n "$2" ] || { echo "FAIL $1: empty needle (the check could not fail)"; failed=$((failed + 1)); return; }
  if [[ "$3" == *"$2"* ]]; then
    echo "PASS $1"
    passed=$((passed + 1))
  else
    echo "FAIL $1: expected to find: $2"
    echo "  in: ${3:0:600}"
    failed=$((failed + 1))
  fi
}

check version 0 "$bin" --version && expect version "trappe " "$out"
check help 0 "$bin" --help && expect help "Usage: trappe" "$out"
check usage-error 2 "$bin" --bogus && expect usage-error "unknown option '--bogus'" "$err"
check format-error 2 "$bin" --format boks && expect format-error "did you mean 'box'?" "$err"
check dash-c 0 "$bin" -c .tables -c ".mode" && expect dash-c "mode: box" "$out"
check dash-c-failure 1 "$bin" -c ".mode boks" && expect dash-c-failure "unknown mode 'boks'" "$err"

check describe-latin1 0 env COLUMNS=200 sh -c "printf '.load $fixtures/ledighed_latin1.csv as t\n.describe t\n' | '$bin'"
expect describe-latin1-load "loaded t: 12 rows, 7 columns" "$err"
expect describe-latin1-names "København" "$out"
expect describe-latin1-types "Fuldtidsledige" "$out"
[[ "$out" == *"trappe>"* ]] && { echo "FAIL batch-no-prompt"; failed=$((failed + 1)); } || { echo "PASS batch-no-prompt"; passed=$((passed + 1)); }
[[ "$out$err" == *$'\e['* ]] && { echo "FAIL no-colour-in-pipes"; failed=$((failed + 1)); } || { echo "PASS no-colour-in-pipes"; passed=$((passed + 1)); }

check ragged-csv 1 sh -c "echo '.load $fixtures/bad_ragged.csv' | '$bin'" && expect ragged-csv "bad_ragged.csv:3:" "$err"
check quote-csv 1 "$bin" -c ".load $fixtures/bad_quote.csv" && expect quote-csv "bad_quote.csv:2:" "$err"
check bytes-csv 1 "$bin" -c ".load $fixtures/bad_bytes.csv" && expect bytes-csv "bad_bytes.csv:3:" "$err"

printf '.mode box\n\n# a comment\n.mode boks\n.mode csv\n' >"$work/script.trp"
check script-error 1 "$bin" "$work/script.trp" && expect script-error "$work/script.trp:4:7: error: unknown mode 'boks'" "$err"
check keep-going 1 "$bin" --keep-going -c ".mode boks" -c ".mode" && expect keep-going "mode: box" "$out"
check piped-error-position 1 sh -c "printf '.mode box\n.mode nope\n' | '$bin'" && expect piped-error-position "<stdin>:2:7: error" "$err"
# .quit 4 stops the script: the .mode after it prints nothing (it would print "mode: box").
check quit-code 4 sh -c "printf '.quit 4\n.mode\n' | '$bin'" && equal quit-stops "" "$out"

check save-json 0 "$bin" -c ".load $fixtures/områder.csv as o" -c ".save o $work/o.json"
expect save-json "\"Område\"" "$(cat "$work/o.json" 2>/dev/null)"
# A save whose rename fails (the target is a folder) reports it, and leaves neither the
# temporary file (.NAME.tmp-PID) nor anything in place of the folder.
mkdir -p "$work/saves/o.csv"
check save-failure-reported 1 "$bin" -c ".load $fixtures/områder.csv as o" -c ".save o $work/saves/o.csv" \
  && expect save-failure-reported "o.csv" "$err"
equal save-atomic-no-temp "o.csv" "$(ls -A "$work/saves")"
[ -d "$work/saves/o.csv" ] && equal save-atomic-folder-kept "" "$(ls -A "$work/saves/o.csv")"
# Generated data stay labelled in files: .save in every format, and .record (H2).
label="Illustrative data, not real results (generated; see Datasets/README.md)"
check save-illustrative 0 "$bin" -c "resultater | summarize startet = sum(startet) by runde" \
  -c ".save _ $work/r.csv" -c ".save _ $work/r.tsv" -c ".save _ $work/r.json" -c ".save _ $work/r.md" \
  -c ".save kommuner $work/k.csv"
equal save-illustrative-csv "# $label" "$(head -n 1 "$work/r.csv")"
equal save-illustrative-tsv "# $label" "$(head -n 1 "$work/r.tsv")"
equal save-illustrative-json "{\"notice\": \"$label\", \"rows\": [" "$(head -n 1 "$work/r.json")"
equal save-illustrative-md "_${label}_" "$(tail -n 1 "$work/r.md")"
equal save-real-unlabelled "kommunekode,kommunekode_4,kommune" "$(head -n 1 "$work/k.csv" | cut -d, -f1-3)"
check record-illustrative 0 "$bin" -c ".record $work/rec.md" -c "resultater | summarize startet = sum(startet)" \
  -c ".record off"
expect record-illustrative "$label" "$(cat "$work/rec.md" 2>/dev/null)"
check format-csv-illustrative 0 "$bin" --format csv -c "gap by runde"
equal format-csv-illustrative-stderr "$label" "$err"
check format-csv 0 "$bin" --format csv -c ".load $fixtures/områder.csv as o" -c "o" && expect format-csv "Område,Kønsfordeling" "$out"
check missing-script 1 "$bin" "$work/nope.trp" && expect missing-script "cannot read script" "$err"

printf -- '-- a check\n.set n 3\nkommuner | take $n | select kommune\n' >"$work/c.trp"
# Recording writes the expected file and fails, so a run with RECORD_EXPECTED=1 never passes.
check record-expected-fails 1 env RECORD_EXPECTED=1 "$bin" --check "$work/c.trp" \
  && expect record-expected-fails "re-run without it" "$out$err"
[ -f "$work/c.trp.expected" ] && equal record-expected-written 0 0 || equal record-expected-written yes no
check check-passes 0 "$bin" --check "$work/c.trp" && expect check-passes "ok: $work/c.trp matches" "$out"
sed -i 's/take \$n/take 2/' "$work/c.trp"
check check-fails-with-diff 1 "$bin" --check "$work/c.trp" && expect check-fails-with-diff "-│ Ballerup" "$out"
check script-parameters 0 "$bin" "$work/c.trp" && expect script-parameters "Frederiksberg" "$out"
printf 'kommuner | where kommune == "$k" | count\n' >"$work/p.trp"
# Slagelse is one row of Datasets/kommuner.csv, so the count is exactly 1.
check parameter-from-command-line 0 "$bin" --format csv "$work/p.trp" k=Slagelse \
  && equal parameter-from-command-line $'count\n1' "$out"
check parameter-no-match 0 "$bin" --format csv "$work/p.trp" k=Atlantis && equal parameter-no-match $'count\n0' "$out"
check missing-parameter 1 "$bin" "$work/p.trp" && expect missing-parameter "no parameter named 'k'" "$err"
# A parameter's value is data (reliability review D15). No municipality is called
# `x" or kommune != "x`, so the count is exactly 0 (raw text substitution made it 98, every row).
check parameter-quote-injection 0 "$bin" --format csv "$work/p.trp" 'k=x" or kommune != "x' \
  && equal parameter-quote-injection $'count\n0' "$out"
# Stages in a value are not run: the output is exactly the header of Datasets/kommuner.csv and
# no rows (no municipality has that name), not Aarhus with an extra column p.
printf 'kommuner | where kommune == "$k"\n' >"$work/p-stages.trp"
check parameter-stage-injection 0 "$bin" --format csv "$work/p-stages.trp" 'k=Aarhus" | extend p = 1 | where "a" == "a' \
  && equal parameter-stage-injection "$(head -n 1 Datasets/kommuner.csv)" "$out"
# A bare reference is one string literal: Slagelse matches its one row; the injection matches none.
printf 'kommuner | where kommune == $k | count\n' >"$work/p-bare.trp"
check parameter-bare 0 "$bin" --format csv "$work/p-bare.trp" k=Slagelse && equal parameter-bare $'count\n1' "$out"
check parameter-bare-injection 0 "$bin" --format csv "$work/p-bare.trp" 'k=x" or kommune != "x' \
  && equal parameter-bare-injection $'count\n0' "$out"

# Scripts saved by Windows editors (reliability review D3): CRLF, lone CR, a BOM, Windows-1252.
# In Swift "\r\n" is one Character; a CRLF script used to be one long comment (no output, exit 0).
check runde1-lf 0 "$bin" Scripts/runde1.trp && lf_out=$out lf_err=$err
sed 's/$/\r/' Scripts/runde1.trp >"$work/runde1-crlf.trp"
check runde1-crlf 0 "$bin" "$work/runde1-crlf.trp"
expect runde1-lf-prints "peer_value" "$lf_out"
equal runde1-crlf-same-stdout "$lf_out" "$out"
equal runde1-crlf-same-stderr "$lf_err" "$err"
printf -- '-- report\r\n.save kommuner %s\r\n' "$work/crlf-k.csv" >"$work/crlf-save.trp"
check crlf-save 0 "$bin" "$work/crlf-save.trp"
equal crlf-save-written "kommunekode,kommunekode_4,kommune" "$(head -n 1 "$work/crlf-k.csv" 2>/dev/null | cut -d, -f1-3)"
# Positions stay those of the file: the error is on line 3, column 7, and the shown line has no CR.
printf -- '-- x\r\n.mode\r\n.mode boks\r\n' >"$work/crlf-error.trp"
check crlf-error-position 1 "$bin" "$work/crlf-error.trp" \
  && expect crlf-error-position "$work/crlf-error.trp:3:7: error: unknown mode 'boks'" "$err" \
  && expect crlf-error-line $'  3 | .mode boks\n' "$err"
printf -- '-- old Mac\r.mode csv\rkommuner | where kommune == "Slagelse" | count\r' >"$work/cr.trp"
check cr-only 0 "$bin" "$work/cr.trp" && equal cr-only $'count\n1' "$out"
printf -- '.read %s\r\n.mode\r\n' "$work/cr.trp" >"$work/read-crlf.trp"
check read-crlf 0 "$bin" "$work/read-crlf.trp" && equal read-crlf $'count\n1\nmode: csv' "$out"
printf '\xef\xbb\xbf-- bom\r\n.mode csv\r\nkommuner | where kommune == "Slagelse" | count\r\n' >"$work/bom.trp"
check bom-script 0 "$bin" "$work/bom.trp" && equal bom-script $'count\n1' "$out"
printf '\xef\xbb\xbf.mode boks\n' >"$work/bom-error.trp"
check bom-error-column 1 "$bin" "$work/bom-error.trp" && expect bom-error-column "bom-error.trp:1:7: error: unknown mode 'boks'" "$err"
check bom-stdin 0 sh -c "printf '\357\273\277.mode\n' | '$bin'" && equal bom-stdin "mode: box" "$out"
check cr-stdin-position 1 sh -c "printf '.mode csv\r.mode nope\r' | '$bin'" \
  && expect cr-stdin-position "<stdin>:2:7: error: unknown mode 'nope'" "$err"
# --check replays a CRLF copy against the LF original's expected output.
cp Scripts/runde1.trp "$work/r1-lf.trp"
env RECORD_EXPECTED=1 "$bin" --check "$work/r1-lf.trp" >/dev/null 2>&1
cp "$work/r1-lf.trp.expected" "$work/runde1-crlf.trp.expected" 2>/dev/null
check check-crlf 0 "$bin" --check "$work/runde1-crlf.trp" && expect check-crlf "ok: $work/runde1-crlf.trp matches" "$out"
# Windows-1252: ø is byte 0xF8 on line 2 after `kommuner | where kommune == "K` (30 bytes), so column 31.
# København is one row of Datasets/kommuner.csv, code 101; the old UTF-8 decoding found 0 rows.
printf -- '.mode csv\r\nkommuner | where kommune == "K\370benhavn" | select kommunekode, kommune\r\n' >"$work/w1252.trp"
check windows-1252 0 "$bin" "$work/w1252.trp" && equal windows-1252 $'kommunekode,kommune\n101,København' "$out" \
  && expect windows-1252-note "w1252.trp:2:31: byte 0xF8 is not UTF-8; read $work/w1252.trp as Windows-1252" "$err"
# 0x81 is neither UTF-8 nor Windows-1252: refused before anything runs.
printf '.mode csv\n.mode \201\n' >"$work/undefined.trp"
check undefined-byte 1 "$bin" "$work/undefined.trp" \
  && expect undefined-byte "byte 0x81 is not UTF-8, and byte 0x81 at 2:7 is not Windows-1252 either" "$err" \
  && equal undefined-byte-nothing-ran "" "$out"

# A formula in a column name is protected like one in a cell (reliability review D13):
# the header =HYPERLINK("http://x") gets a leading ' and, holding quotes, is quoted with "" inside.
printf '"=HYPERLINK(""http://x"")",b\n1,=1+1\n' >"$work/h.csv"
check save-formula-header 0 "$bin" -c ".load $work/h.csv as h" -c ".save h $work/h_out.csv"
equal save-formula-header $'"\'=HYPERLINK(""http://x"")",b\n1,\'=1+1' "$(cat "$work/h_out.csv" 2>/dev/null)"
check format-csv-formula-header 0 "$bin" --format csv -c ".load $work/h.csv as h" -c "h" \
  && equal format-csv-formula-header $'"\'=HYPERLINK(""http://x"")",b\n1,\'=1+1' "$out"
# _ and outN name query results; .load refuses them as let does (reliability review D21).
check load-as-underscore 1 "$bin" -c "kommuner | take 7" -c ".load $work/h.csv as _" \
  && equal load-as-underscore "error: '_' is reserved for query results" "$(head -n 1 <<<"$err")" \
  && expect load-as-underscore-hint "hint: choose another name" "$err"
check load-as-out1 1 "$bin" -c ".load $work/h.csv as out1" \
  && equal load-as-out1 "error: 'out1' is reserved for query results" "$(head -n 1 <<<"$err")"
cp "$work/h.csv" "$work/out3.csv"
check load-file-named-out3 1 "$bin" -c ".load $work/out3.csv" \
  && equal load-file-named-out3 "error: 'out3' is reserved for query results" "$(head -n 1 <<<"$err")" \
  && expect load-file-named-out3-hint "hint: name it with 'as NAME'" "$err"
check load-as-out-allowed 0 "$bin" --format csv -c ".load $work/out3.csv as out" -c "out | count" \
  && equal load-as-out-allowed $'count\n1' "$out"

# The memory budget (reliability review D2, D8; issue 12): a stage that would exceed it stops with
# an error naming it, before it allocates, and the session goes on (--keep-going runs the next -c).
kommuner_rows=$(($(wc -l <Datasets/kommuner.csv) - 1))
# forloeb joined with itself on koen: sum over koen of n² = 20,477,577,205 rows (DuckDB), about 2e10.
check ulimit-join 1 bash -c "ulimit -v 2000000; exec '$bin' --keep-going --format csv \
  -c 'forloeb | join (forloeb | select koen, p2 = person) on koen | count' -c 'kommuner | count'" \
  && expect ulimit-join "error: \`join (forloeb | select koen, p2 = person) on koen\` would need about" "$err" \
  && expect ulimit-join-rows "(2.0e10 rows)" "$err" \
  && equal ulimit-join-next $'count\n'"$kommuner_rows" "$out"
# Without a budget, ulimit -v (the address space) still stops the join cleanly.
check ulimit-join-budget-off 1 bash -c "ulimit -v 2000000; exec '$bin' --keep-going --format csv \
  -c '.memory limit off' -c 'forloeb | join (forloeb | select koen, p2 = person) on koen | count' -c 'kommuner | count'" \
  && expect ulimit-join-budget-off "of the address space that ulimit -v allows" "$err" \
  && expect ulimit-join-budget-off-next $'count\n'"$kommuner_rows" "$out"
# A pivot of 1,000 rows × 1,000,000 keys = 1e9 cells.
{ echo x; seq 0 999999; } >"$work/m.csv"
m_rows=$(($(wc -l <"$work/m.csv") - 1))
check ulimit-pivot 1 bash -c "ulimit -v 2000000; exec '$bin' --keep-going --format csv -c '.load $work/m.csv as m' \
  -c 'm | extend g = x % 1000 | pivot x values count() by g | count' -c 'm | count'" \
  && expect ulimit-pivot "error: \`pivot x values count() by g\` would need about" "$err" \
  && expect ulimit-pivot-cells "(1,000 rows × 1,000,000 keys = 1.0e9 cells)" "$err" \
  && equal ulimit-pivot-next $'count\n'"$m_rows" "$out"
# .memory limit: a join of 11,134,873 rows (DuckDB: forloeb ⋈ persons 1–20 on koen) needs more
# than 50 MB; after .memory limit default it runs.
join20='forloeb | join (forloeb | where person <= 20 | select koen, p2 = person) on koen | count'
check memory-limit-join 1 "$bin" --keep-going --format csv -c '.memory limit 50MB' -c "$join20" \
  -c '.memory limit default' -c "$join20" \
  && expect memory-limit-join "(11,134,873 rows), but only" "$err" \
  && expect memory-limit-join-budget "of the memory budget of 50.0 MB is free" "$err" \
  && expect memory-limit-join-then $'count\n11134873' "$out"
# Old results beyond a quarter of the budget are released, oldest first, with a note; the name
# then says so; let tables and the last result stay.
check release-results 1 "$bin" --keep-going --format csv -c '.memory limit 20MB' -c 'let keep = kommuner | take 3' \
  -c 'forloeb | select person, kommune, status' -c 'forloeb | select person, herkomst, koen' -c 'out1 | count' \
  -c 'keep | count' -c '.tables' \
  && expect release-results "note: released out1 to save memory" "$err" \
  && expect release-results-name "error: out1 was released to save memory; re-run the query" "$err" \
  && expect release-results-statement "hint: out1 was: forloeb | select person, kommune, status" "$err" \
  && expect release-results-let $'count\n3' "$out" \
  && expect release-results-tables "released to save memory (re-run their queries): out1" "$out"

# Loading (D8): a file whose text and columns (about twice its size) do not fit is refused before
# it is read; a device that never ends (/dev/zero) is refused as it grows.
{ cat Datasets/forloeb.csv; for i in 1 2 3; do tail -n +2 Datasets/forloeb.csv; done; } >"$work/f4.csv"
check ulimit-load 1 bash -c "ulimit -v 100000; exec '$bin' --keep-going --format csv -c '.load $work/f4.csv as f' \
  -c 'kommuner | count'" \
  && expect ulimit-load "error: cannot read $work/f4.csv: loading it would need about" "$err" \
  && equal ulimit-load-next $'count\n'"$kommuner_rows" "$out"
check load-dev-zero 1 "$bin" --keep-going --format csv -c '.memory limit 256MB' -c '.load /dev/zero as z' -c 'kommuner | count' \
  && expect load-dev-zero "error: cannot read /dev/zero: loading it would need about" "$err" \
  && expect load-dev-zero-next $'count\n'"$kommuner_rows" "$out"
# String building: doubling a text 24 times makes 98 texts of 2^24 times a name's length.
doubling='kommuner | extend s = kommune'
for i in $(seq 24); do doubling+=' | extend s = s + s'; done
check ulimit-string-doubling 1 bash -c "ulimit -v 2000000; exec '$bin' --keep-going --format csv \
  -c '$doubling | summarize m = max(length(s))' -c 'kommuner | count'" \
  && expect ulimit-string-doubling "error: string concatenation (+ or concat) would need about" "$err" \
  && equal ulimit-string-doubling-next $'count\n'"$kommuner_rows" "$out"
# A chart draws a line per bar: 200,000 bars of 81 characters need more than a 64 MB budget.
check chart-over-budget 1 "$bin" --keep-going --format csv -c '.memory limit 64MB' \
  -c 'forloeb | take 200000 | chart bar x=person' -c 'kommuner | count' \
  && expect chart-over-budget "error: \`chart bar x=person\` would need about" "$err" \
  && expect chart-over-budget-next $'count\n'"$kommuner_rows" "$out"
# Sort and window temporaries are checked too (about 38 bytes a row for two sort keys).
check sort-over-budget 1 "$bin" --keep-going --format csv -c '.memory limit 20MB' \
  -c 'forloeb | sort by person, start_uge | summarize n = count()' -c 'kommuner | count' \
  && expect sort-over-budget "error: \`sort by person, start_uge\` would need about" "$err" \
  && expect sort-over-budget-next $'count\n'"$kommuner_rows" "$out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
