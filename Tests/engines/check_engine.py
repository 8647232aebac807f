"""The engine suite: pipelines and analyses run by Trappe locally and with `.engine duckdb FILE`
(the project's datasets loaded into a DuckDB file by load_datasets.py, independently of
Trappe's SQL compiler), compared cell by cell.

Usage: PYTHON Tests/engines/check_engine.py PATH-TO-TRAPPE [--engine duckdb|spark]

With --engine spark, the datasets are written from that DuckDB file as Parquet files, every
case reads them with parquet("…"), and all cases run in one `trappe` with `.engine spark`
(Spark starts once, in 30-60 s), separated by `.echo` markers.
Every case must agree: a pipeline that ends in a sort with a unique key is compared row by row
in order; any other result as a multiset of rows (an engine table's rows have no order).
Doubles agree within 1e-9 relative. The bridge runs on this script's Python (TRAPPE_PYTHON),
so DuckDB missing is a failure, not a skip. Prints "N passed, M failed"; exit 1 on a failure.
"""

import csv
import io
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))

# {p} is "" locally and "duckdb." on the engine. (setup statements, pipeline, ordered?)
CASES = [
    ([], "{p}kommuner | summarize n = count() by region", False),
    ([], "{p}kommuner | where vip2 | select kommune, areal_km2", False),
    ([], "{p}kommuner | sort by kommune | take 7", True),
    ([], "{p}kommuner | sort by kommune desc | select kommune, region", True),
    ([], "{p}kommuner | summarize first = min(kommune), last = max(kommune) by region", False),
    ([], "{p}kommunepanel | where aar == 2008 | extend andel = 1000 * kontanthjaelp_jan / befolkning | top 5 by andel", True),
    ([], "{p}kommunepanel | summarize befolkning = sum(befolkning), ledige = avg(fuldtidsledige) by region, aar", False),
    ([], "{p}forloeb | where start_uge >= 2008W01 and status == \"aktivering\" | summarize n = count(), first = min(start_uge), last = max(slut_uge) by kommune", False),
    ([], "{p}forloeb | summarize n = count(), personer = count_distinct(person) by kommune, status", False),
    ([], "{p}forloeb | where slut_uge == null | count", False),
    ([], "{p}forloeb | where slut_uge != null | summarize m = median(person), sd = stdev(person), p = percentile(kommunekode, 90) by status", False),
    ([], "{p}resultater | where runde == 5 | join ({p}kommuner | select kommunekode, region) on kommunekode | summarize personer = sum(personer), startet = sum(startet) by region", False),
    ([], "{p}kommuner | where region == \"Region Sjælland\" | select kommune | union ({p}kommuner | where region == \"Region Nordjylland\" | select kommune)", False),
    ([], "{p}kommunepanel | where aar == 2007 and region == \"Region Nordjylland\" | extend r = rank() over (region, aar) order by (befolkning desc, kommune), s = sum(befolkning) over (region, aar) | top 3 by befolkning | select kommune, befolkning, r, s", True),
    ([], "{p}runder | select runde, maaned, data_til", False),
    ([], "{p}kommuner | distinct region", False),
    # A small local table sent along as VALUES.
    (["let vip = kommuner | where vip2 | select kommunekode"], "{p}forloeb | join (vip) on kommunekode | summarize n = count() by kommune", False),
    # Analyses: the full SQL or the pushdown on the engine, the rest here.
    ([], "{p}resultater | where runde == 5 | bench i_gang for Slagelse against (Sorø, Næstved) | select kommune, value", False),
    ([], "{p}forloeb | flow from 1 to 5 | where from_status == \"kontanthjælp\"", False),
    ([], "{p}forloeb | where kommune == \"Slagelse\" | flow from 3 to 4 by aldersgruppe | top 5 by persons", False),
]


def run(trappe, statements, env, timeout=300):
    args = [trappe, "--no-rc", "--format", "csv"]
    for s in statements:
        args += ["-c", s]
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def parse(text):
    rows = list(csv.reader(io.StringIO(text)))
    return rows


def close(a, b):
    if a == b:
        return True
    try:
        x, y = float(a), float(b)
    except ValueError:
        return False
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def same(local, engine, ordered):
    if len(local) != len(engine):
        return f"{len(local)} rows locally, {len(engine)} on the engine"
    if not local:
        return None
    if local[0] != engine[0]:
        return f"header {local[0]} locally, {engine[0]} on the engine"
    a, b = local[1:], engine[1:]
    if not ordered:
        key = lambda row: [(c == "", c) for c in row]
        a, b = sorted(a, key=key), sorted(b, key=key)
    for i, (x, y) in enumerate(zip(a, b)):
        if len(x) != len(y) or not all(close(p, q) for p, q in zip(x, y)):
            return f"row {i + 1}: {x} locally, {y} on the engine"
    return None


def spark_cases(trappe, env, database, work):
    """Every case in one Trappe process on Spark local, tables as Parquet files."""
    import re
    import duckdb

    parquet = os.path.join(work, "parquet")
    os.makedirs(parquet)
    with duckdb.connect(database, read_only=True) as con:
        for (name,) in con.sql("SELECT table_name FROM information_schema.tables").fetchall():
            con.sql(f"COPY {name} TO '{os.path.join(parquet, name + '.parquet')}' (FORMAT parquet)")
    source = lambda template: re.sub(
        r"\{p\}(\w+)", lambda m: f'parquet("{os.path.join(parquet, m.group(1) + ".parquet")}")', template)
    statements = [".engine spark master=local[2]"]
    for i, (setup, template, _) in enumerate(CASES):
        statements += [f".echo @@case {i}@@"] + setup + [source(template)]
    statements.append(".echo @@end@@")
    code, out, err = run(trappe, statements, env, timeout=1200)
    parts = re.split(r"^@@case (\d+)@@\n", out, flags=re.M)
    outputs = {int(parts[i]): parts[i + 1].split("@@end@@")[0] for i in range(1, len(parts) - 1, 2)}
    if code != 0 or "attached " not in err:
        print(f"FAIL the Spark run: exit {code}: {err.strip()[-1500:]}")
    return {i: outputs.get(i) for i in range(len(CASES))}, source

# Footers: an analysis whose whole SQL form runs on the engine (decompose) and a pushed-down one
# (flow) show the notes of the local run, line for line; only the lines naming where the data
# came from and where it ran differ (SKIPPED_FOOTER).
FOOTER_CASES = [
    "{p}resultater | where runde == 5 | decompose i_gang for Slagelse against region by herkomst",
    "{p}resultater | where runde == 4 | decompose selvforsoergende for Gladsaxe against (Aarhus, Slagelse) by ydelse",
    "{p}resultater | decompose i_gang for Aarhus against (Slagelse, Odense) by runde",
    "{p}forloeb | flow from 1 to 5",
]
SKIPPED_FOOTER = ("out", "N = ", "ran on ", "engine: ")


def footer(text):
    """The footer lines under a result's box, without the source and where-it-ran lines."""
    lines = text.split("\n")
    ends = [i for i, line in enumerate(lines) if line.startswith("\u2514")]
    if not ends:
        return None
    return [line for line in lines[ends[-1] + 1:] if line.strip() and not line.startswith(SKIPPED_FOOTER)]


def footer_cases(trappe, env, database):
    passed = failed = 0
    for template in FOOTER_CASES:
        done = [
            subprocess.run([trappe, "--no-rc"] + statements, capture_output=True, text=True, env=env, cwd=ROOT,
                           timeout=300)
            for statements in (["-c", template.format(p="")],
                               ["-c", f".engine duckdb {database}", "-c", template.format(p="duckdb.")])
        ]
        local, engine = footer(done[0].stdout), footer(done[1].stdout)
        if local is None or engine is None or local != engine or len(local) < 3:
            failed += 1
            print(f"FAIL footer of {template.format(p='duckdb.')}\n  local:  {local}\n  engine: {engine}"
                  f"\n  {done[1].stderr.strip()[:400]}")
        else:
            passed += 1
            print(f"PASS footer of {template.format(p='duckdb.')}")
    return passed, failed


def main():
    trappe = os.path.abspath(sys.argv[1])
    engine = "duckdb"
    if "--engine" in sys.argv:
        engine = sys.argv[sys.argv.index("--engine") + 1]
    env = dict(os.environ, TRAPPE_PYTHON=sys.executable, TRAPPE_HOME=ROOT, NO_COLOR="1")
    with tempfile.TemporaryDirectory() as work:
        env["HOME"] = work
        database = os.path.join(work, "datasets.duckdb")
        subprocess.run([sys.executable, os.path.join(HERE, "load_datasets.py"), database], check=True)
        passed = failed = 0
        if engine == "duckdb":
            passed, failed = footer_cases(trappe, env, database)
        spark = spark_cases(trappe, env, database, work) if engine == "spark" else None
        for index, (setup, template, ordered) in enumerate(CASES):
            local_statements = setup + [template.format(p="")]
            lcode, lout, lerr = run(trappe, local_statements, env)
            if spark is not None:
                outputs, source = spark
                eout = outputs.get(index)
                ecode, eerr = (0, "attached ") if eout is not None else (1, "no output for this case")
                name = source(template)
            else:
                engine_statements = [f".engine {engine} {database}"] + setup + [template.format(p=engine + ".")]
                ecode, eout, eerr = run(trappe, engine_statements, env)
                name = template.format(p=engine + ".")
            problem = None
            if lcode != 0:
                problem = f"fails locally: {lerr.strip()[:400]}"
            elif ecode != 0:
                problem = f"fails on the engine: {eerr.strip()[:600]}"
            else:
                problem = same(parse(lout), parse(eout), ordered)
                # duckdb.NAME resolves only through the attached engine: no local fallback exists.
                if problem is None and "attached " not in eerr:
                    problem = "the engine was not attached: " + eerr.strip()[:300]
            if problem:
                failed += 1
                print(f"FAIL {name}\n  {problem}")
            else:
                passed += 1
                print(f"PASS {name}")
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
