#!/usr/bin/env python3
"""Spark differential check: random pipelines from Scripts/difftest's generator, compiled by
Trappe with `.sqldialect spark` + `explain sql`, run in one local SparkSession (through the
bridge's Spark adapter, Scripts/engines/trappe_bridge/spark_engine.py) over the project's
datasets and the generated edge tables (read from their CSV files by the temporary views the
Spark SQL creates), and compared with Trappe's own results cell by cell (names, types, values,
row order; doubles to 1e-9 relative, as difftest compares).

    Tests/engines/check_explain_spark.py [--n 100] [--seed 1] [--binary PATH] [--master local[2]]
                                         [--case N] [--without GROUP,...] [--batch 250] [--verbose]

A pipeline the Spark dialect cannot compile must be refused by `explain sql` with a clear error
(or stop in Spark with the dialect's raise_error message); each refusal is counted by its
message and listed at the end. Anything else that differs, or fails in Spark, is a divergence.
Spark starts once for the whole run (start-up and the mean time per query are printed).
Exit status 0 when every compiled pipeline agrees, 1 on a divergence, 2 on a setup error.
"""
import argparse
import importlib.machinery
import importlib.util
import json
import os
import random
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Scripts", "engines"))
os.environ["DIFFTEST_REEXEC"] = "1"  # never let difftest re-execute this process


def load_difftest():
    loader = importlib.machinery.SourceFileLoader("difftest", os.path.join(ROOT, "Scripts", "difftest"))
    spec = importlib.util.spec_from_loader("difftest", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


REFUSED_AT_RUN_TIME = "has no Spark SQL form"


def spark_kind(type_name):
    t = type_name.upper()
    if t in ("BIGINT", "INTEGER", "SMALLINT", "TINYINT"):
        return "int"
    if t in ("DOUBLE", "FLOAT") or t.startswith("DECIMAL"):
        return "double"
    if t == "BOOLEAN":
        return "bool"
    if t == "VARCHAR":
        return "string"
    if t == "NULL":
        return "null"
    return t.lower()


def spark_statement(lines, message_line):
    """`explain sql` output in Spark SQL → (the set-up statements and the query, other lines)."""
    statement, messages = [], []
    for line in lines:
        if not statement and (message_line.match(line) or not line.strip()):
            if line.strip():
                messages.append(line)
            continue
        if statement and statement[-1].rstrip().endswith(";") \
                and not statement[-1].startswith("CREATE OR REPLACE TEMPORARY VIEW"):
            if line.strip():
                messages.append(line)
            continue
        statement.append(line)
    if not statement or not statement[-1].rstrip().endswith(";"):
        return "", messages + statement
    return "\n".join(statement).strip(), messages


def refusal_reason(messages):
    for m in messages:
        if "explain sql:" in m:
            return m.split("explain sql:", 1)[1].strip()
    return None


def reference(args):
    """The pipelines check_explain_sql.py runs in DuckDB, compiled for Spark and run there."""
    sys.path.insert(0, os.path.join(ROOT, "Tests", "analyses"))
    import check_explain_sql as ref
    from trappe_bridge.spark_engine import Engine
    binary = os.path.abspath(args.binary)
    started = time.time()
    engine = Engine({"master": args.master})
    print("check_explain_spark: %s started in %.1f s" % (engine.version(), time.time() - started))
    spark_types = {"BIGINT": "int", "INTEGER": "int", "DOUBLE": "double", "BOOLEAN": "bool", "VARCHAR": "string"}
    cases = ref.readme_cases() + ref.language_cases() + ref.EXTRA
    failing = {c for c in {c for context, _ in cases for c in context}
               if ref.run_trappe(binary, [c], "json").returncode != 0}
    agreed, failures, refused, skipped, spark_time = 0, 0, {}, 0, 0.0
    for context, pipeline in cases:
        context = [c for c in context if c not in failing]
        pipeline = ref.without_chart(pipeline)
        label = " ".join(pipeline.split())
        expected = ref.run_trappe(binary, context + [pipeline, ".describe _"], "json")
        if expected.returncode != 0:
            skipped += 1
            continue
        docs = ref.json_documents(expected.stdout)
        rows, described = docs[-2], docs[-1]
        names = [d["column"] for d in described]
        types = [d["type"] for d in described]
        explained = ref.run_trappe(binary, context + [".sqldialect spark", "explain sql " + pipeline], fmt="csv")
        if explained.returncode != 0:
            reason = refusal_reason(explained.stderr.splitlines()) or explained.stderr.strip()[:200]
            refused.setdefault(reason, []).append(label)
            continue
        lines = explained.stdout.split("\n")
        # results of context pipelines come first on stdout: the statement is the last WITH and
        # the view lines right before it
        first = max([i for i, line in enumerate(lines) if line == "WITH"] or [0])
        while first > 0 and lines[first - 1].startswith("CREATE OR REPLACE TEMPORARY VIEW"):
            first -= 1
        sql = "\n".join(lines[first:])
        t0 = time.time()
        try:
            columns, got = engine.query(sql)
            err = None
        except Exception as e:  # noqa: BLE001 - a Spark error is a failure to report
            err = " ".join(str(e).split())[:400]
        spark_time += time.time() - t0
        if err and REFUSED_AT_RUN_TIME in err:
            refused.setdefault(err[:160], []).append(label)
            continue
        problems = []
        if err:
            problems.append("Spark failed: " + err)
        else:
            got_names = [c for c, _ in columns]
            if got_names != names:
                problems.append("columns %s != %s" % (got_names, names))
            for name, kind, (_, sql_type) in zip(names, types, columns):
                want = "string" if kind.startswith("period") else kind
                if spark_types.get(sql_type) != want and not (sql_type == "NULL"):
                    problems.append("column %s: Spark type %s, Trappe type %s" % (name, sql_type, kind))
            if len(got) != len(rows):
                problems.append("%d rows in Spark, %d in Trappe" % (len(got), len(rows)))
            for r, (want_row, got_row) in enumerate(zip(rows, got)):
                bad = [c for c, name in enumerate(names)
                       if c < len(got_row) and not ref.same_value(want_row.get(name), got_row[c], types[c])]
                if bad:
                    c = bad[0]
                    problems.append("row %d column %s: Spark %r, Trappe %r" % (r + 1, names[c], got_row[c],
                                                                               rows[r].get(names[c])))
                    break
        if problems:
            failures += 1
            print("FAIL %s\n  %s" % (label, "\n  ".join(problems[:4])))
            if args.verbose:
                print(sql[-4000:])
        else:
            agreed += 1
            if args.verbose:
                print("ok   " + label)
    engine.close()
    for reason, labels in sorted(refused.items(), key=lambda kv: -len(kv[1])):
        print("refused (%d): %s  [e.g. %s]" % (len(labels), reason, labels[0][:100]))
    print("check_explain_spark --reference: %d agree, %d fail, %d refused, %d skipped (refused by Trappe); "
          "Spark %.1f s for the queries" % (agreed, failures, sum(len(v) for v in refused.values()), skipped,
                                            spark_time))
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--case", type=int)
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "trappe"))
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--without", default="")
    ap.add_argument("--batch", type=int, default=250)
    ap.add_argument("--max-failures", type=int, default=20)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--reference", action="store_true",
                    help="instead of random pipelines: the README's, docs/language.md's and "
                         "Tests/analyses/check_explain_sql.py's own (Danish order, periods, pivots, joins, analyses)")
    args = ap.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows in a log file as it happens
    os.chdir(ROOT)
    if args.reference:
        return reference(args)
    dt = load_difftest()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary):
        print("check_explain_spark: no Trappe binary at %s" % binary)
        return 2
    without = set(x for x in args.without.split(",") if x)
    features = {f: f not in without for f in dt.FEATURES}
    plain_load_lines = dt.trappe_load_lines
    dt.trappe_load_lines = lambda tables: plain_load_lines(tables) + [".sqldialect spark"]

    from trappe_bridge.spark_engine import Engine
    started = time.time()
    engine = Engine({"master": args.master})
    startup = time.time() - started
    print("check_explain_spark: %s (%s) started in %.1f s" % (engine.version(), args.master, startup))
    engine.query("SELECT 1")
    first_query = time.time() - started - startup

    tmp = tempfile.mkdtemp(prefix="spark-difftest-")
    rng = random.Random(args.seed)
    tables = [dt.load_dataset(n) for n in dt.DATASETS] + dt.edge_tables(rng, tmp)
    numbers = [args.case] if args.case is not None else list(range(1, args.n + 1))
    failures, refused, refused_runtime, trappe_errors, agreed = [], {}, {}, 0, 0
    planted_checked, nonempty = args.case is not None, 0
    spark_time, spark_queries, trappe_time = 0.0, 0, 0.0
    echo = dt.has_echo(binary)
    for b in range(0, len(numbers), args.batch):
        chunk = numbers[b:b + args.batch]
        cases = {num: dt.make_case(args.seed, num, tables, features) for num in chunk}
        t0 = time.time()
        results, _ = dt.run_trappe_batch(binary, tables, [(n, cases[n][1]) for n in chunk], {"trappe", "explain"}, echo)
        trappe_time += time.time() - t0
        for num in chunk:
            q, trp, _ = cases[num]
            res = results.get(num)
            problems = []
            if res is None or res.get("crashed") or not res.get("ended"):
                problems.append("no output from Trappe for this case (crash?)")
                rows = None
            else:
                rows, desc, messages = dt.parse_trappe_output(res["case"])
                if [m for m in messages if "error" in m] or rows is None:
                    trappe_errors += 1
                    continue
            statement = ""
            if not problems:
                statement, emessages = spark_statement(res["explain"], dt.MESSAGE_LINE)
                if not statement:
                    reason = refusal_reason(emessages)
                    if reason:
                        refused.setdefault(reason, []).append(num)
                        if args.verbose:
                            print("refused %d: %s\n  %s" % (num, trp, reason))
                        continue
                    problems.append("explain sql gave no statement: " + " / ".join(emessages)[:300])
            if not problems:
                names = [k for k, _ in rows[0]] if rows else None
                ttypes = dt.trappe_types(desc)
                if names is None and ttypes is not None:
                    names = [c for c, _ in ttypes]
                tres = {"names": names or [], "types": [t for _, t in ttypes] if ttypes else None,
                        "rows": [[v for _, v in r] for r in rows]}
                t0 = time.time()
                try:
                    columns, srows = engine.query(statement)
                    sres = {"names": [c for c, _ in columns], "types": [spark_kind(t) for _, t in columns],
                            "rows": [list(r) for r in srows]}
                    err = None
                except Exception as e:  # noqa: BLE001 - a Spark error is a result to report
                    err = str(e).strip().split("\n")[0][:400]
                spark_time += time.time() - t0
                spark_queries += 1
                if err and REFUSED_AT_RUN_TIME in err:
                    refused_runtime.setdefault(err[:160], []).append(num)
                    continue
                if err:
                    problems.append("Spark failed: " + err)
                else:
                    found = dt.compare(tres, sres, None, label="spark")
                    problems += found
                    if not found and not planted_checked and sres["rows"]:
                        # the comparison itself is tested: a planted change in a real result must be flagged
                        planted = dt.plant_difference(sres)
                        if planted is not None:
                            planted_checked = True
                            if not dt.compare(tres, planted, None, label="spark"):
                                print("check_explain_spark: SELF-TEST FAILED: a planted difference in case %d "
                                      "was not flagged" % num)
                                return 1
                    nonempty += 1 if sres["rows"] else 0
            problems = [p for p in problems if not p.startswith("SKIP ")]
            if problems:
                failures.append(num)
                if len(failures) <= args.max_failures:
                    print("=" * 78)
                    print("case %d (re-run: Tests/engines/check_explain_spark.py --seed %d --case %d)"
                          % (num, args.seed, num))
                    print("-- pipeline:\n" + trp)
                    for p in problems:
                        print("-- " + p)
                    if args.case is not None or args.verbose:
                        print("-- spark sql:\n" + statement[-6000:])
            else:
                agreed += 1
                if args.verbose:
                    print("ok %d: %s" % (num, trp))
    engine.close()
    print("=" * 78)
    for reason, nums in sorted(refused.items(), key=lambda kv: -len(kv[1])):
        print("refused by explain sql (%d): %s  [cases %s]" % (len(nums), reason, ",".join(map(str, nums[:8]))))
    for reason, nums in sorted(refused_runtime.items(), key=lambda kv: -len(kv[1])):
        print("stopped in Spark (%d): %s  [cases %s]" % (len(nums), reason, ",".join(map(str, nums[:8]))))
    n_refused = sum(len(v) for v in refused.values()) + sum(len(v) for v in refused_runtime.values())
    print("check_explain_spark: seed %d, %d pipelines: %d agree (%d with rows), %d diverge, %d refused, "
          "%d Trappe errors" % (args.seed, len(numbers), agreed, nonempty, len(failures), n_refused, trappe_errors))
    print("check_explain_spark: Spark start-up %.1f s, first query %.1f s, %d queries in %.1f s (%.2f s each), "
          "Trappe %.1f s" % (startup, first_query, spark_queries, spark_time,
                             spark_time / max(1, spark_queries), trappe_time))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
