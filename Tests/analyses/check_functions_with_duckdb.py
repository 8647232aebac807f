#!/usr/bin/env python3
"""Checks the functions of issue 11 item 4 against DuckDB, on an edge-case table.

Usage: check_functions_with_duckdb.py [path/to/trappe]

Writes a CSV with NULLs in every column, ties, negative and huge numbers, æøå / Aa / Å text
and one-row groups, loads it into Trappe (`.load ... types=...`) and into DuckDB, and for each
function runs the Trappe pipeline and the DuckDB SQL that reproduces it (the translation an
SQL compiler should emit; rn is the input row number). Values must agree (doubles to 1e-9
relative). Exit 1 on any difference; a missing duckdb is a failure.
"""
import csv, os, tempfile

from checklib import binary_argument, check, csv_output, duckdb, finish

trappe = binary_argument()

ROWS = [
    # rn, g, s, x, y, z, b
    (1, "a", "  Æble ", 1, 2.0, 3, "true"),
    (2, "a", "øst", 2, 4.0, -3, "false"),
    (3, "a", "Aa", 3, 7.0, None, None),
    (4, "a", None, None, 9.0, 0, "true"),
    (5, "b", "å", 5, None, 12, "true"),
    (6, "b", "Åbenrå", -9223372036854775807, 1.5, 400, "false"),
    (7, "c", "x y", 7, 7.0, 1, None),
    (8, "d", "aa", 0, -0.5, -1, "true"),
    (9, "d", "Ærø ", -4, 0.25, 2, "false"),
    (10, "d", "zz", 4, 7.0, 1, "true"),
    (11, "e", None, None, None, None, None),
]

folder = tempfile.mkdtemp()
path = os.path.join(folder, "edge.csv")
with open(path, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["rn", "g", "s", "x", "y", "z", "b"])
    for row in ROWS:
        w.writerow(["" if v is None else v for v in row])

con = duckdb.connect()
con.execute("set threads = 1")
con.execute(f"""create table t as select * from read_csv('{path}', header = true,
  columns = {{'rn': 'BIGINT', 'g': 'VARCHAR', 's': 'VARCHAR', 'x': 'BIGINT', 'y': 'DOUBLE', 'z': 'BIGINT',
             'b': 'BOOLEAN'}})""")

# (label, Trappe pipeline after `t | `, DuckDB SQL over t); both give columns in the same order,
# and the SQL orders its rows as Trappe does (row order, or first appearance of the group).
CASES = [
    ("pow", "select rn, v = pow(x, z), w = pow(y, 2), u = pow(2, z)",
     "select rn, case when isfinite(pow(x, z)) then pow(x, z) end v, case when isfinite(pow(y, 2)) then pow(y, 2) end w, "
     "case when isfinite(pow(2, z)) then pow(2, z) end u from t order by rn"),
    ("exp", "select rn, v = exp(z), w = exp(y * 100)",
     "select rn, case when isfinite(exp(z)) then exp(z) end v, case when isfinite(exp(y * 100)) then exp(y * 100) end w "
     "from t order by rn"),
    ("concat", "select rn, v = concat(s, x, y, b), w = concat(s, \"-\", g)",
     "select rn, concat(s, x::varchar, y::varchar, b::varchar) v, concat(s, '-', g) w from t order by rn"),
    ("text +", "select rn, v = s + g, w = s + \"!\" + s",
     "select rn, s || g v, s || '!' || s w from t order by rn"),
    ("substr", "select rn, v = substr(s, 2), w = substr(s, -3, 2), u = substr(s, z, x)",
     # DuckDB refuses a start or length outside about ±2^32 (an error); clamping them keeps the
     # result for any text shorter than 2^32 characters.
     "select rn, substring(s, 2) v, substring(s, -3, 2) w, "
     "substring(s, greatest(least(z, 4294967295), -4294967296), greatest(least(x, 4294967295), -4294967296)) u "
     "from t order by rn"),
    ("replace", "select rn, v = replace(s, \"a\", \"å\"), w = replace(s, s, g)",
     "select rn, replace(s, 'a', 'å') v, replace(s, s, g) w from t order by rn"),
    ("trim", "select rn, v = trim(s), w = length(trim(s))",
     "select rn, trim(s) v, length(trim(s)) w from t order by rn"),
    ("greatest/least", "select rn, v = greatest(x, z), w = least(x, y, z), u = greatest(y, null)",
     "select rn, greatest(x, z) v, least(x::double, y, z::double) w, greatest(y, null) u from t order by rn"),
    ("count_if, sum/avg of bool", "summarize n = count_if(b), s = sum(b), a = avg(b), m = count_if(x > 2) by g",
     "select g, count(*) filter (where b) n, sum(b::integer)::bigint s, avg(b::integer) a, count(*) filter (where x > 2) m "
     "from t group by g order by min(rn)"),
    ("corr", "summarize r = corr(x, y), q = corr(y, z) by g",
     "select g, case when isnan(corr(x, y)) then null else corr(x, y) end r, "
     "case when isnan(corr(y, z)) then null else corr(y, z) end q from t group by g order by min(rn)"),
    ("corr, all rows", "where x > -100 | summarize r = corr(x, y), q = corr(z, y)",
     "select case when isnan(corr(x, y)) then null else corr(x, y) end r, "
     "case when isnan(corr(z, y)) then null else corr(z, y) end q from t where x > -100"),
    ("arg_max/arg_min", "summarize hi = arg_max(s, y), lo = arg_min(s, y), big = arg_max(rn, z) by g",
     "select g, first(s order by y desc, rn) filter (where y is not null) hi, "
     "first(s order by y, rn) filter (where y is not null) lo, first(rn order by z desc, rn) filter (where z is not null) big "
     "from t group by g order by min(rn)"),
    ("arg_max ties", "summarize hi = arg_max(s, y), lo = arg_min(g, y)",
     "select first(s order by y desc, rn) filter (where y is not null) hi, first(g order by y, rn) filter (where y is not null) lo from t"),
    ("ntile", "extend a = ntile(2) over g order by y, c = ntile(4) order by z desc, d = ntile(20) | select rn, a, c, d",
     "select rn, ntile(2) over (partition by g order by y nulls last, rn) a, ntile(4) over (order by z desc nulls last, rn) c, "
     "ntile(20) over (order by rn) d from t order by rn"),
    ("lag/lead", "extend a = lag(x) over g order by y, c = lead(s, 2) over g order by rn, d = lag(y, 3) | select rn, a, c, d",
     "select rn, lag(x) over (partition by g order by y nulls last, rn) a, lead(s, 2) over (partition by g order by rn) c, "
     "lag(y, 3) over (order by rn) d from t order by rn"),
]


def run_trappe(pipeline):
    """The rows of Trappe's csv result (warnings allowed: pow and exp give NULL for a non-finite result
    and say so); a failure counts and gives None."""
    output = csv_output(trappe, [f".load {path} as t types=rn:int,g:string,s:string,x:int,y:double,z:int,b:bool",
                                 "t | " + pipeline], warnings_fail=False, exit_on_failure=False)
    return output and output[0]


def same(got, want):
    if want is None:
        return got == ""
    if isinstance(want, bool):
        return got == ("true" if want else "false")
    if isinstance(want, float):
        try:
            g = float(got)
        except ValueError:
            return False
        return g == want or abs(g - want) <= 1e-9 * max(abs(g), abs(want))
    if isinstance(want, str):
        # Trappe's CSV puts ' before text a spreadsheet would read as a formula.
        return got == want or (want[:1] in "=+-@" and want and got == "'" + want)
    return got == str(want)


for label, pipeline, sql in CASES:
    query = con.execute(sql)
    want, columns = query.fetchall(), [d[0] for d in query.description]
    got = run_trappe(pipeline)
    if got is None:
        continue
    header = list(got[0]) if got else columns
    check(f"{label} columns", header == columns, f"trappe {header}, duckdb {columns}")
    check(f"{label} row count", len(got) == len(want), f"{len(got)} rows from trappe, {len(want)} from duckdb")
    for i, (g, w) in enumerate(zip(got, want)):
        g = list(g.values())
        check(f"{label} row {i + 1}", len(g) == len(w) and all(same(a, b) for a, b in zip(g, w)),
              f"trappe {g}, duckdb {list(w)}")
finish(lambda passed, failed: f"{len(CASES)} function cases: {passed} passed, {failed} failed")
