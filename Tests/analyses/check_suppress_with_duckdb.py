#!/usr/bin/env python3
"""Checks `.suppress N` against the rule applied independently to tables computed in DuckDB.

Usage: check_suppress_with_duckdb.py PATH/TO/trappe

The rule (README, `.help suppress`): a count of persons from 1 to N-1 is shown as <N; 0 and NULL
stay; a value in the same row computed from a hidden count (a share, a rate) is hidden too.
Counts are count() and sums of the datasets' persons columns (resultater: personer, startet,
jobpakke); person-weeks are not counts. The tables are computed here in SQL from Datasets/*.csv,
the rule is applied here, and the result is compared cell by cell with Trappe's csv output,
on screen and in a `.save`d file. Prints "N passed, M failed" and exits 1 on any mismatch.
"""
import csv
import io
import os
import tempfile

from checklib import DATA, binary_argument, check, close, csv_output, csv_rows, duckdb, finish


def shown(value, hidden, threshold):
    """A value as the csv output spells it: <N when hidden, "" for NULL, else the number."""
    if hidden:
        return f"<{threshold}"
    if value is None:
        return ""
    return value


def expected_cells(rows, columns, counts, derived, threshold):
    """Applies the rule: counts 1..N-1 hidden; a derived column hidden where one of its counts is."""
    out = []
    for row in rows:
        values = dict(zip(columns, row))
        hidden = {c for c in counts if values[c] is not None and 0 < values[c] < threshold}
        for column, inputs in derived.items():
            if hidden & set(inputs):
                hidden.add(column)
        out.append({c: (values[c], c in hidden) for c in columns})
    return out


def same_number(got, want):
    try:
        return close(got, float(want))
    except (TypeError, ValueError):
        return got == want


def compare(label, got_rows, want_rows, keys, threshold):
    check(f"{label} row count", len(got_rows) == len(want_rows), f"trappe {len(got_rows)}, duckdb {len(want_rows)}")
    by_key = {tuple(r[k] for k in keys): r for r in got_rows}
    hidden_cells = 0
    for want in want_rows:
        key = tuple(str(want[k][0]) for k in keys)
        got = by_key.get(key)
        if got is None:
            check(f"{label} {key}", False, "missing in trappe's output")
            continue
        for column, (value, hidden) in want.items():
            hidden_cells += hidden
            expected = shown(value, hidden, threshold)
            ok = got[column] == expected if hidden or value is None else same_number(got[column], expected)
            check(f"{label} {key} {column}", ok, f"trappe {got[column]!r}, expected {expected!r}")
    return hidden_cells


def main():
    binary = binary_argument()
    con = duckdb.connect()
    con.execute(f"create table r as select * from read_csv_auto('{DATA}/resultater.csv')")
    con.execute(f"create table f as select * from read_csv('{DATA}/forloeb.csv', all_varchar=true)")

    # 1. README's question: Fredensborg, round 5, by herkomst and ydelse, with a share.
    query = ('resultater | where runde == 5 and kommune == "Fredensborg" | summarize personer = sum(personer), '
             'startet = sum(startet) by herkomst, ydelse | extend andel = round(100.0 * startet / personer, 1)')
    columns = ["herkomst", "ydelse", "personer", "startet", "andel"]
    rows = con.execute("""
      select herkomst, ydelse, sum(personer), sum(startet),
             case when sum(personer) = 0 then null else round(100.0 * sum(startet) / sum(personer), 1) end
      from r where runde = 5 and kommune = 'Fredensborg' group by all""").fetchall()
    want = expected_cells(rows, columns, ["personer", "startet"], {"andel": ["personer", "startet"]}, 5)
    got, errors = csv_output(binary, [".suppress 5", query], warnings_fail=False)
    hidden = compare("README table", got, want, ["herkomst", "ydelse"], 5)
    check("README table hides cells", hidden > 0, "the test table must have small cells to test anything")
    zero = sum(1 for row in rows if row[2] == 0)
    plural = "division" if zero == 1 else "divisions"
    check("README table division warning", f"warning: {zero} {plural} by zero gave NULL" in errors, f"{errors}")
    # The same cells in a saved file (and the footer's count of hidden cells in the notice).
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "t.csv")
        _, notes = csv_output(binary, [".suppress 5", query, f".save _ {path}"], warnings_fail=False)
        text = open(path, encoding="utf-8").read()
        saved = list(csv.DictReader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#")))))
        compare("README table saved", saved, want, ["herkomst", "ydelse"], 5)
        check("saved notice counts the hidden cells", any(f"{hidden} cells suppressed as <5" in l for l in notes),
              f"{notes}")

    # Hidden values cannot be read back from the result (H15): a filter for a hidden value finds
    # nothing, and a sum over the result adds only the values that were shown.
    # The attack looks for a hidden value that is there: the smallest count from 1 to 4.
    small = con.execute("""select min(s) from (select herkomst, ydelse, sum(startet) s from r
                           where runde = 5 and kommune = 'Fredensborg' group by all) where s between 1 and 4""").fetchone()[0]
    check("the attack has something to find", small is not None, "no cell holds 1-4: pick another table")
    got = csv_rows(binary, [".suppress 5", query, f"out1 | where startet == {small} | select herkomst"], header="herkomst",
                   warnings_fail=False)
    check(f"out1 | where startet == {small} finds no row", len(got) == 0, f"{got}")
    visible = con.execute("""select sum(s) from (select sum(startet) s from r
                             where runde = 5 and kommune = 'Fredensborg' group by herkomst, ydelse)
                             where s = 0 or s >= 5""").fetchone()[0]
    got = csv_rows(binary, [".suppress 5", query, "out1 | summarize s = sum(startet)"], header="s",
                   warnings_fail=False)
    check("a sum over out1 adds only shown values", len(got) == 1 and int(got[0]["s"]) == visible, f"{got} vs {visible}")

    # 2. Another threshold and person-weeks (not counts, never hidden) next to counts.
    query = ('resultater | where kommune == "Læsø" | summarize startet = sum(startet), uger = sum(uger_i_alt) '
             'by runde, herkomst | extend pr_uge = startet / uger')
    columns = ["runde", "herkomst", "startet", "uger", "pr_uge"]
    rows = con.execute("""
      select runde, herkomst, sum(startet), sum(uger_i_alt),
             case when sum(uger_i_alt) = 0 then null else sum(startet) / sum(uger_i_alt) end  -- trappe: x/0 is NULL
      from r where kommune = 'Læsø' group by all""").fetchall()
    want = expected_cells(rows, columns, ["startet"], {"pr_uge": ["startet", "uger"]}, 3)
    got, _ = csv_output(binary, [".suppress 3", query], warnings_fail=False)
    hidden = compare("Læsø .suppress 3", got, want, ["runde", "herkomst"], 3)
    check("Læsø table hides cells", hidden > 0)

    # 3. count() is a count: starthjælp spells of one municipality by origin and age group.
    query = ('forloeb | where kommune == "Ikast-Brande" and status == "starthjælp" '
             '| summarize n = count() by herkomst, aldersgruppe')
    rows = con.execute("""select herkomst, aldersgruppe, count(*) from f
                          where kommune = 'Ikast-Brande' and status = 'starthjælp' group by all""").fetchall()
    want = expected_cells(rows, ["herkomst", "aldersgruppe", "n"], ["n"], {}, 10)
    got, _ = csv_output(binary, [".suppress 10", query], warnings_fail=False)
    hidden = compare("forloeb count() .suppress 10", got, want, ["herkomst", "aldersgruppe"], 10)
    check("forloeb table hides cells", hidden > 0)

    finish()


main()
