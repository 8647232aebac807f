#!/usr/bin/env python3
"""Checks `explain sql`: the SQL Trappe writes for a pipeline, run in DuckDB, must return
Trappe's own result: the same columns, types, rows, values and row order.

Usage: check_explain_sql.py PATH/TO/trappe [--verbose]

The pipelines are every pipeline in README.md (`trappe>` lines; `.load`, `let` and `measure`
lines before it are replayed first) and every example in docs/language.md (generated from
LanguageEntry). Doubles compare to 1e-9 relative; period columns compare as the text Trappe
prints. A pipeline whose SQL form is deliberately missing must be listed in NOT_EXPRESSIBLE
with the reason; anything else that fails is a failure. Prints "N passed, M failed" and exits
non-zero on any mismatch.
"""
import json
import math
import os
import re
import sys
import unicodedata

from checklib import ROOT, binary_argument, check, duckdb, finish, run as run_trappe

# Pipelines whose SQL form is missing on purpose: the start of the pipeline and why.
# (Every other analysis has a SQL form; a new one without it goes here.)
NOT_EXPRESSIBLE = {
    "expected ": "a weighted least-squares regression needs a matrix solve, which SQL has not; "
                 "Tests/analyses/check_expected.py checks it against statsmodels WLS instead",
    "bench y30_andel for Slagelse, Gladsaxe, Aarhus":
        "bench ... against expected is not compiled to SQL; check_expected.py checks it against the published figures",
    "bench i_gang for Slagelse against peers by runde ci":
        "ci (95 % intervals) is not compiled to SQL; Tests/analyses/check_intervals.py checks it against statsmodels",
}

# Pipelines Trappe refuses on purpose, and why; any other refusal is a failure, never a skip.
EXPECTED_REFUSALS = {
    "kommunepanel | where aar == 2009 | summarize n = sum(befolknig) by region":
        "the README's misspelt-column example",
    "out9 | where startet == 3 | select herkomst":
        "the README's suppression attack reads out9, a result this check does not replay",
}

EDGE = ".load Tests/analyses/fixtures/sql_edge.csv as e"
NULLS = ".load Tests/GoldenTests/Fixtures/nulls.csv as nl"
# 400 distinct strings of Aa/Å/æ/ø/ä/ö/ü/é, combining marks, digits, spaces and symbols (seeded).
# Months, quarters and ISO weeks (2009W53) with NULLs, a NULL group and a duplicated month and week.
SEASONAL = ".load Tests/analyses/fixtures/seasonal.csv as s types=x:int,d:double"
COLLATION = ".load Tests/analyses/fixtures/collation.csv as c"

# Pipelines for the semantics that need care (docs/sql.md): Danish order, NULLs last, ties,
# overflow, division by zero, periods, joins, unions, pivots, let tables and earlier results.
EXTRA = [
    ([], "kommuner | sort by kommune"),
    ([], "kommuner | sort by kommune desc | take 10"),
    ([], "kommuner | summarize first = min(kommune), last = max(kommune) by region"),
    ([EDGE], "e | sort by navn"),
    ([EDGE], "e | sort by navn desc"),
    ([EDGE], "e | sort by gruppe, n desc"),
    ([EDGE], "e | top 4 by n"),
    ([EDGE], "e | top 3 by gruppe asc"),
    ([EDGE], "e | distinct gruppe"),
    ([EDGE], "e | select gruppe, n | distinct"),
    ([EDGE], "e | summarize k = count(), kn = count(n), d = count_distinct(n), s = sum(x), a = avg(x), "
             "lo = min(navn), hi = max(navn), f = first(x), l = last(x), m = median(x), p = percentile(n, 25), "
             "sd = stdev(x), mi = min(maaned), ma = max(maaned) by gruppe"),
    ([EDGE], "e | summarize s = sum(n)"),
    ([EDGE], "e | where n > 100 | summarize s = sum(n), k = count()"),
    ([EDGE], "e | extend a = n * 2, b = n + n, c = n - 1, d = x / n, r = n % 3, q = n % 0, z = x / 0, m = -n"),
    ([EDGE], "e | extend f = floor(x), c = ceil(x), r = round(x, 1), ri = round(n, -1), ab = abs(n)"),
    ([EDGE], "e | extend u = upper(\"Straße \" ?? navn) | select id, u | take 2"),
    ([EDGE], "e | extend l = lower(navn), u = upper(navn), k = length(navn), h = contains(navn, \"a\"), "
             "st = startswith(navn, \"Aa\"), en = endswith(navn, \"s\")"),
    ([EDGE], "e | extend ny = maaned + 1, før = maaned - 13, gap = maaned - 2008-01, y = year(maaned), "
             "q = quarter(maaned), mo = month(maaned), t = string(maaned)"),
    ([EDGE], "e | extend i = int(x), dd = double(n), si = string(n), b = flag == \"true\", "
             "v = if(n > 3, \"høj\", \"lav\"), c = coalesce(x, 0.5), w = n ?? 0"),
    ([EDGE], "e | extend sx = string(x), sb = string(n > 2), ix = int(string(x)), dx = double(string(n)), "
             "pt = period(2008), pq = period(\"2008K3\"), ln = ln(x), sq = sqrt(x)"),
    ([EDGE], "e | summarize s = sum(flag == \"true\"), a = avg(flag == \"true\"), lo = min(x), hi = max(n) by flag"),
    ([EDGE], "e | extend r = rank() over gruppe order by navn, d = dense_rank() over gruppe order by x desc, "
             "pr = percent_rank() over gruppe order by n, rn = row_number() over gruppe order by navn desc"),
    ([EDGE], "e | extend nx = next(navn, 2) over gruppe order by id, pv = prev(maaned) over gruppe order by id"),
    ([EDGE], "e | where navn in (\"Aarhus\", \"Ærø\") or n is null or not (x > 1)"),
    ([EDGE], "e | where maaned >= 2008-03 and maaned < 2008-08"),
    ([EDGE], "e | pivot gruppe values sum(n) by flag"),
    ([EDGE], "e | pivot maaned values count() by gruppe"),
    ([EDGE], "e | pivot flag values avg(x)"),
    ([EDGE], "e | unpivot n, x into felt, værdi"),
    ([EDGE], "e | join (e | select gruppe, m = id) on gruppe"),
    ([EDGE], "e | join kind=left (e | where id < 4 | select gruppe, m = id) on gruppe"),
    ([EDGE], "e | join kind=anti (e | where id < 4 | select gruppe) on gruppe"),
    ([EDGE], "e | where id > 10 | union (e | where id < 3 | select id, navn, ekstra = 1)"),
    ([], "flow from 2 to 4"),
    ([], "bench i_gang"),
    ([], "gap"),
    ([], "survival for kontanthjælp"),
    ([], "survival for kontanthjælp inflow 2007W14 2007W26 weeks 13"),
    ([], "survival for kontanthjælp entry start_faktisk inflow 2006W27 2007W26 by koen weeks 26"),
    ([], "forloeb | where start_uge <= 2007W26 and (slut_uge is null or slut_uge <= 2008W10) | survival for kontanthjælp"),
    ([], "survival for aktivering, sygedagpenge by kommune weeks 10"),
    ([], "forloeb | where person < 500 | survival for kontanthjælp by aldersgruppe weeks 30"),
    ([], "peers Aarhus"),
    ([], "kommunepanel | where aar == 2015 | peers Odense k=7 on (befolkning, kh_pct)"),
    ([], "gap for alle by runde"),
    ([], "gap cohort for alle by runde"),
    ([], "gap cohort"),
    ([], "gap i_gang, aktivering cohort from 2007-06 for Aarhus, Odense by runde lag=0"),
    ([], "forloeb | where herkomst != \"dansk\" | gap selvforsoergende cohort for alle"),
    ([], "resultater | where herkomst == \"indvandrer\" | gap i_gang, aktivering for Aarhus, Odense by runde"),
    ([], "resultater | decompose selvforsoergende for Aarhus against (Odense, Aalborg, Esbjerg) by ydelse"),
    ([], "resultater | where runde == 3 | decompose aktivering for Gladsaxe against region by herkomst"),
    ([], "resultater | where runde == 5 | decompose i_gang for Aarhus against (Slagelse, Odense) by runde"),
    ([], "resultater | decompose i_gang for Aarhus against (Slagelse, Odense) by runde"),
    ([], "bench i_gang by runde unweighted"),
    ([], "bench selvforsoergende for Aarhus, Slagelse against (Gladsaxe, Odense) by runde"),
    ([], "resultater | where runde >= 4 | bench i_gang for Slagelse against region by herkomst"),
    (["measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower"],
     "kommunepanel | where aar == 2009 | bench kh for Slagelse"),
    (["measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower"],
     "kommunepanel | bench kh for Aarhus, Fanø against (Odense, Samsø) by aar min_n=50000"),
    ([], "bench i_gang by runde min_n=0"),
    ([], "bench aktivering for Odense against region by runde min_n=250.5 unweighted"),
    ([], "flow from 2008W05 to 2009-03 by koen"),
    ([], "forloeb | where person < 3000 | flow from 1 to 5 by aldersgruppe | where persons > 3"),
    ([], "forloeb | where person < 40 | extend d = slut_uge - start_uge, nx = start_uge + 1, "
         "y = year(start_uge), w = week(start_uge) | take 60"),
    ([], "forloeb | where person < 200 | summarize spells = count(), first_week = min(start_uge) by status "
         "| sort by spells desc"),
    (["let v = kommunepanel | where vip2 and aar >= 2020"], "v | summarize b = sum(befolkning) by kommune"),
    (["kommuner | where region == \"Region Midtjylland\""], "_ | sort by areal_km2 desc | take 4"),
    (["kommuner | where vip2", "_ | select kommune, areal_km2", "kommuner | take 1"], "out2 | sort by areal_km2"),
    ([], "kommunepanel | where aar == 2010 | join (kommuner | select kommunekode, areal_km2) on kommunekode "
         "| extend taethed = befolkning / areal_km2 | top 5 by taethed"),
    ([], "kommunepanel | extend r = rank() over aar order by befolkning desc, n = row_number() over aar "
         "order by region | where r <= 2"),
    ([], "kommunepanel | where kommune == \"Aarhus\" | extend p = prev(befolkning) over kommune order by aar, "
         "c = change(befolkning) over kommune order by aar, rs = running_sum(befolkning) over kommune order by aar, "
         "sh = share(befolkning) over region"),
]

EXTRA += [
    ([".load Tests/analyses/fixtures/bools.csv as b types=b:bool"], "b | extend n = not b | sort by b"),
    ([".load Tests/analyses/fixtures/periods.csv as p"], "p | extend q1 = q + 1, w1 = w - 1, m1 = m + 14 | sort by w desc"),
    ([COLLATION], "c | sort by s"),
    ([COLLATION], "c | extend k = length(s), u = upper(s), l = lower(s), h = contains(s, \"AA\")"),
    ([COLLATION], "c | sort by s desc"),
    ([COLLATION], "c | summarize lo = min(s), hi = max(s), n = count() by g"),
    ([COLLATION], "c | extend lo = min(s) over g, r = rank() over g order by s | top 50 by s"),
    ([EDGE], "e | where navn < \"b\" | sort by -n"),
    ([EDGE], "e | summarize k = count() by g = upper(gruppe), f = flag"),
    ([EDGE], "e | where id > 100 | summarize k = count(), s = sum(n), m = max(navn)"),
    ([EDGE], "e | where id > 100 | distinct"),
    ([EDGE], "e | where id > 100 | count"),
    ([EDGE], "e | top 0 by n"),
    ([EDGE], "e | take 0"),
    ([EDGE], "e | join (e | select gruppe, flag, m = id) on gruppe, flag"),
    ([EDGE], "e | join (e | select gid = id, gn = n) on left.id == right.gn"),
    ([EDGE], "e | select id, n | union (e | select id, n = x)"),
    ([EDGE], "e | where id > 100 | pivot gruppe values sum(n)"),
    ([EDGE], "e | extend c = case when n > 5 then \"big\" when n < 0 then \"neg\" else null end, b = n between 1 and 5, i = maaned in (2008-01, 2008-02)"),
    ([EDGE], "e | extend s = sum(n) over gruppe, a = avg(x) over gruppe, f = first(x) over gruppe, l = last(navn) over gruppe, m = median(x) over gruppe, k = count() over gruppe, cd = count_distinct(n) over gruppe"),
    ([EDGE], "e | extend lo = min(navn) over gruppe, hi = max(navn) over flag"),
    ([EDGE], "e | extend rs = running_sum(n) over gruppe order by id, sh = share(x) over gruppe"),
    ([EDGE], "e | unpivot id, x into felt, v"),
    ([NULLS], "nl | sort by s, p desc"),
    ([NULLS], "nl | summarize a = sum(a), b = avg(b), x = min(x), p = max(p), s2 = first(s), t = last(p) by s"),
    ([NULLS], "nl | extend q = p + 1, d = p - 2008K1, y = year(p), qq = quarter(p)"),
    ([".load Tests/GoldenTests/Fixtures/header_only.csv as h"], "h | count"),
    ([".load Tests/GoldenTests/Fixtures/områder.csv as o"], "o | sort by Periode desc"),
    ([], "kommunepanel | where aar in (2009, 2019) | extend c = change(befolkning) over kommune order by aar | take 6"),
    ([], "kommunepanel | select kommune, aar, befolkning | rename indbyggere = befolkning | take 3"),
    ([SEASONAL], "s | extend ym = yoy(x) over g order by maaned, yq = yoy(d) order by kvartal desc, yw = yoy(x) over g order by uge, "
                 "ma = moving_avg(d, 3) over g order by uge, mi = moving_avg(x, 2) order by maaned"),
    ([], "kommunepanel | extend y = yoy(fuldtidsledige) over kommune order by aar, r = yoy(befolkning) over region order by aar "
         "| where aar <= 2009 | take 8"),
    ([], "kommunepanel | extend p = period(aar) | where p >= 2010 | summarize b = sum(befolkning) by p | sort by p desc"),
    ([], "kommuner | distinct region, vip2 | sort by region desc"),
    ([], "kommunepanel | pivot region values avg(befolkning) by aar | take 3"),
    ([], "kommunepanel | where aar == 2020 | extend r = dense_rank() over region order by kontanthjaelp_jan desc | where r == 1"),
]

# Doubles: -0.0 and 0.0 tie, infinities and NaN (inf - inf) in sorts, groups and aggregates.
EXTRA += [
 ([EDGE], "e | sort by x"),
 ([EDGE], "e | sort by x desc"),
 ([EDGE], "e | extend y = x * 1e308 - x * 1e308 | sort by y"),
 ([EDGE], "e | extend y = x * 1e308 | sort by y desc | select id, y"),
 ([EDGE], "e | summarize k = count() by x"),
 ([EDGE], "e | distinct x"),
 ([EDGE], "e | where flag == \"true\" and not (n > 3) or x is null"),
 ([EDGE], "e | sort by flag == \"true\", id desc"),
 ([EDGE], "e | extend b = n > 2 | sort by b desc"),
 ([EDGE], "e | extend y = x * 1e308 - x * 1e308 | summarize k = count(), m = max(y), s = sum(y), a = avg(y) by gruppe"),
 ([EDGE], "e | pivot x values count()"),
 ([EDGE], "e | extend m = n * n, d = n / 7, r = n % -3, z = -n % 4"),
 ([], "kommunepanel | where aar between 2008 and 2009 | summarize b = median(befolkning), p = percentile(befolkning, 90), sd = stdev(befolkning) by region, aar"),
 ([], "kommunepanel | top 3 by vip2, aar asc"),
 ([], "kommunepanel | extend p = period(aar) | extend q = prev(p) over kommune order by aar | extend d = p - q | take 5"),
]

# Fair peers: the VIP2 method municipalities excluded (or not), stability over the years, a
# variable from another table, and the groups bench takes (kommunegruppe, a loaded cluster file).
KLYNGER = ".load Tests/analyses/fixtures/klynger.csv as klynger"
EXTRA += [
    ([], "peers Gladsaxe"),
    ([], "peers Aabenraa k=5 exclude none"),
    ([], "peers Aarhus k=4 exclude Odense"),
    ([], "peers Fredensborg stability"),
    ([], "kommunepanel | where aar <= 2010 | peers Aarhus k=4 stability exclude none"),
    ([], "peers Gladsaxe k=5 on (befolkning, kh_pct, kommunegruppe_kode from kommunegrupper)"),
    (["let andel = kommunepanel | extend kh = 100.0 * kontanthjaelp_jan / befolkning | select kommune, aar, kh"],
     "peers Slagelse k=6 on (befolkning, kh from andel) stability"),
    ([], "bench i_gang against kommunegruppe"),
    ([], "bench i_gang for Gladsaxe, Odense against kommunegruppe exclude none by runde"),
    ([KLYNGER], "bench i_gang for Gladsaxe, Slagelse against klynger"),
    ([], "resultater | where runde == 5 | decompose i_gang for Aabenraa against peers exclude none by herkomst"),
]

# Cases where today's Trappe differs from semantics.md (windows, fixed on branch sem): they
# must fail until that lands; one that passes is reported so it can leave this list.
# The repro (window order by) and ties in the order key: first/last over the running
# frame, ties in input order.
EXTRA += [([], p) for p in (
    "kommunepanel | where kommune == \"Aarhus\" and aar <= 2010 | sort by befolkning desc | extend f = "
    "first(befolkning) over kommune order by aar, s = sum(befolkning) over kommune order by aar",
    "kommunepanel | where aar >= 2021 | sort by befolkning | extend f = first(befolkning) over region order by aar, "
    "l = last(befolkning) over region order by aar, m = min(befolkning) over region order by aar desc",
)]

SQL_TYPES = {"BIGINT": "int", "DOUBLE": "double", "BOOLEAN": "bool", "VARCHAR": "string",
             "INTEGER": "int", "HUGEINT": "int"}

skipped = 0
verbose = False


def readme_cases():
    """(context, pipeline) pairs from README.md's `trappe>` lines."""
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    commands = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", text, re.S):
        for line in block.split("\n"):
            if line.startswith("trappe> "):
                commands.append(line[len("trappe> "):])
            elif re.match(r"\s*\.\.\.> ", line) and commands:
                commands[-1] += "\n" + re.sub(r"^\s*\.\.\.> ", "", line)
    return cases_from(commands)


def language_cases():
    """(context, pipeline) pairs from the examples in docs/language.md."""
    text = open(os.path.join(ROOT, "docs", "language.md"), encoding="utf-8").read()
    cases = []
    blocks, current = [], None
    for line in text.split("\n"):
        if line.startswith("```"):
            if current is None:
                # An untagged fence opens an example; ```csv (its result) and others are skipped.
                current = [] if line == "```" else False
            else:
                if current is not False:
                    blocks.append(current)
                current = None
        elif current:
            current.append(line)
        elif current == []:
            current.append(line)
    for block in blocks:
        if block and block[0].startswith("trappe> "):
            continue  # a transcript (the Errors section), not an example to run
        commands = []
        for line in block:
            if not line.strip():
                continue
            if line.lstrip().startswith("|") and commands:
                commands[-1] += "\n" + line
            else:
                commands.append(line)
        cases += cases_from(commands)
    return cases


def cases_from(commands):
    context, cases = [], []
    for command in commands:
        head = command.strip()
        if head.startswith(".load") or head.startswith("measure "):
            context.append(command)
        elif head.startswith(".") or head.startswith("explain"):
            continue
        elif re.match(r"(label|format)\s+\w+\s+\S", head):
            # Display statements (label COLUMN = "…", format COLUMN N) change no data.
            context.append(command)
        elif head.startswith("let "):
            cases.append((list(context), re.sub(r"^let\s+\w+\s*=\s*", "", head)))
            context.append(command)
        else:
            cases.append((list(context), command))
    return cases


def without_chart(pipeline):
    return re.sub(r"\|\s*chart\b.*$", "", pipeline, flags=re.S).rstrip()


def json_documents(text):
    decoder, docs, i = json.JSONDecoder(), [], 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        doc, i = decoder.raw_decode(text, i)
        docs.append(doc)
    return docs


def same_value(a, b, kind):
    if a is None and kind == "double" and isinstance(b, float) and not math.isfinite(b):
        return True  # JSON has no infinity or NaN: Trappe's JSON writes them as null
    if a is None or b is None:
        return a is None and b is None
    if kind == "double":
        a, b = float(a), float(b)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    if kind == "int":
        return isinstance(b, int) and not isinstance(b, bool) and int(a) == b
    if kind == "bool":
        return bool(a) == b
    # Canonically equivalent spellings (Å and A + ring) are one string to Swift (docs/sql.md).
    return unicodedata.normalize("NFC", str(a)) == unicodedata.normalize("NFC", str(b))


def check_case(binary, context, pipeline, con):
    global skipped
    pipeline = without_chart(pipeline)
    label = " ".join(pipeline.split())
    expected = run_trappe(binary, context + [pipeline, ".describe _"], "json")
    if expected.returncode != 0:
        why = EXPECTED_REFUSALS.get(label)
        if why is None:
            check(f"trappe refused a pipeline the docs show as working: {label}\n{expected.stderr}", False)
            return
        skipped += 1
        print(f"skip ({why}): {label}")
        return
    docs = json_documents(expected.stdout)
    rows, described = docs[-2], docs[-1]
    names = [d["column"] for d in described]
    types = [d["type"] for d in described]
    explained = run_trappe(binary, context + ["explain sql " + pipeline], fmt="csv")
    reason = next((why for start, why in NOT_EXPRESSIBLE.items() if pipeline.lstrip().startswith(start)
                   or f"| {start}" in pipeline), None)
    if explained.returncode != 0:
        if reason and "no SQL form" in explained.stderr:
            skipped += 1
            print(f"skip ({reason}): {label}")
            return
        check(f"explain sql refused: {label}\n{explained.stderr}", False)
        return
    sql = explained.stdout
    lines = sql.split("\n")
    if "WITH" in lines:  # results of context pipelines come first on stdout
        sql = "\n".join(lines[len(lines) - 1 - lines[::-1].index("WITH"):])
    if not sql.rstrip().endswith(";"):
        check(f"explain sql output does not end in ';': {label}", False)
        return
    try:
        result = con.sql(sql)
        got = result.fetchall()
        got_names = result.columns
        got_types = [str(t) for t in result.types]
    except Exception as e:  # noqa: BLE001 - any DuckDB error is a failure to report
        check(f"DuckDB rejected the SQL of: {label}\n{e}\n{sql}", False)
        return
    problems = []
    if got_names != names:
        problems.append(f"columns {got_names} != {names}")
    for name, kind, sql_type in zip(names, types, got_types):
        want = "string" if kind.startswith("period") else kind
        if SQL_TYPES.get(sql_type) != want:
            problems.append(f"column {name}: SQL type {sql_type}, Trappe type {kind}")
    if len(got) != len(rows):
        problems.append(f"{len(got)} rows in SQL, {len(rows)} in Trappe")
    for r, (want_row, got_row) in enumerate(zip(rows, got)):
        for c, name in enumerate(names):
            if c < len(got_row) and not same_value(want_row.get(name), got_row[c], types[c]):
                problems.append(f"row {r + 1} column {name}: SQL {got_row[c]!r}, Trappe {want_row.get(name)!r}")
                break
        if len(problems) > 5:
            break
    if not check(label + "".join("\n  " + p for p in problems[:6]), not problems):
        if verbose:
            print(sql)
    elif verbose:
        print(f"ok   {label}")


def main():
    global verbose
    binary = binary_argument()
    verbose = "--verbose" in sys.argv
    con = duckdb.connect()
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        cases = readme_cases() + language_cases() + EXTRA
        # A context command that fails on its own (a README example of an error) is left out.
        failing = {c for c in {c for context, _ in cases for c in context}
                   if run_trappe(binary, [c], "json").returncode != 0}
        for context, pipeline in cases:
            check_case(binary, [c for c in context if c not in failing], pipeline, con)
    finally:
        os.chdir(old)
    finish(lambda passed, failed: f"explain sql: {passed} passed, {failed} failed, {skipped} skipped "
                                  f"(examples of errors, pending fixes, or without a SQL form; --verbose lists them)")


if __name__ == "__main__":
    main()
