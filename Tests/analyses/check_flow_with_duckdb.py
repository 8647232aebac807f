#!/usr/bin/env python3
"""Checks trappe's `flow` and `survival` against an independent computation.

Usage: check_flow_with_duckdb.py PATH/TO/trappe

The round 1 -> round 5 flow table is computed in SQL by DuckDB on Datasets/forloeb.csv
(round weeks: the ISO week containing the 15th of the round's month in runder.csv);
the Kaplan-Meier share still on benefit at 26 and 52 weeks is computed in plain Python.
Prints "N passed, M failed" and exits non-zero on any mismatch.
"""
import csv
import datetime
import io
import os
import subprocess
import sys

try:
    import duckdb
except ImportError:
    print("FAIL: the python module duckdb is missing, so this cross-check cannot run "
          "(Scripts/test installs it in .build/venv)")
    sys.exit(1)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SPELLS = os.path.join(ROOT, "Datasets", "forloeb.csv")
ROUNDS = os.path.join(ROOT, "Datasets", "runder.csv")
BENEFITS = ["kontanthjælp", "starthjælp", "introduktionsydelse", "sygedagpenge", "a-dagpenge"]
passed = failed = 0


def check(label, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {label} {detail}")


def trappe(binary, command):
    out = subprocess.run([binary, "--format", "csv", "-c", command], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr)
        sys.exit(2)
    return list(csv.DictReader(io.StringIO(out.stdout)))


def week_of_15th(month):
    year, m = month.split("-")
    iso = datetime.date(int(year), int(m), 15).isocalendar()
    return f"{iso[0]}W{iso[1]:02d}"


def week_ordinal(text):
    year, week = text.split("W")
    return datetime.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7


def main():
    binary = os.path.abspath(sys.argv[1])
    rounds = {row["runde"]: row["maaned"] for row in csv.DictReader(open(ROUNDS, encoding="utf-8"))}
    a, b = week_of_15th(rounds["1"]), week_of_15th(rounds["5"])
    con = duckdb.connect()
    con.execute(f"create table f as select * from read_csv('{SPELLS}', all_varchar=true)")
    # ISO week text sorts like the week itself (yyyyWww), so range checks work on strings.
    con.execute("create table obs as select max(greatest(start_uge, coalesce(slut_uge, start_uge))) as last from f")
    expected = con.execute(f"""
      with p as (select distinct person from f),
      s as (
        select p.person,
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{a}'
                    and coalesce(slut_uge, obs.last) >= '{a}'), 'ikke i data') as from_status,
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{b}'
                    and coalesce(slut_uge, obs.last) >= '{b}'), 'ikke i data') as to_status
        from p)
      select from_status, to_status, count(*) as persons,
        100.0 * count(*) / sum(count(*)) over (partition by from_status) as row_pct
      from s group by 1, 2""").fetchall()
    actual = {(r["from_status"], r["to_status"]): r for r in trappe(binary, "flow from 1 to 5")}
    check("flow row count", len(actual) == len(expected), f"{len(actual)} != {len(expected)}")
    for from_status, to_status, persons, pct in expected:
        row = actual.get((from_status, to_status))
        if row is None:
            check(f"flow {from_status}->{to_status}", False, "missing")
            continue
        check(f"flow {from_status}->{to_status} persons", int(row["persons"]) == persons, f"{row['persons']} != {persons}")
        check(f"flow {from_status}->{to_status} row_pct", abs(float(row["row_pct"]) - pct) <= 0.051,
              f"{row['row_pct']} != {pct:.3f}")

    # Kaplan-Meier in plain Python.
    rows = list(csv.DictReader(open(SPELLS, encoding="utf-8")))
    last = max(max(week_ordinal(r["start_uge"]), week_ordinal(r["slut_uge"]) if r["slut_uge"] else 0) for r in rows)
    exits, censored = {}, {}
    for r in rows:
        if r["status"] not in BENEFITS:
            continue
        start = week_ordinal(r["start_uge"])
        if r["slut_uge"]:
            d = week_ordinal(r["slut_uge"]) - start + 1
            exits[d] = exits.get(d, 0) + 1
        else:
            d = last - start + 1
            censored[d] = censored.get(d, 0) + 1
    at_risk = sum(exits.values()) + sum(censored.values())
    survival, s = {}, 1.0
    for t in range(1, max(list(exits) + list(censored)) + 1):
        if at_risk > 0:
            s *= 1 - exits.get(t, 0) / at_risk
        survival[t] = s
        at_risk -= exits.get(t, 0) + censored.get(t, 0)
    table = {int(r["week"]): r for r in trappe(binary, "survival")}
    for week in (26, 52):
        got = float(table[week]["still_on_pct"])
        check(f"survival S({week})", abs(got - 100 * survival[week]) <= 0.051, f"{got} != {100 * survival[week]:.3f}")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


main()
