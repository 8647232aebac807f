#!/usr/bin/env python3
"""Checks `gap by runde` against the same numbers computed independently in DuckDB SQL.

Usage: check_gap_with_duckdb.py PATH-TO-TRAPPE

For the five method municipalities (kommuner.vip2) in rounds 5 and 4 of Datasets/resultater.csv and
every target of Datasets/maal.csv: value (ratio of sums), threshold, gap_pp, met, short (rounded
up) and rounds_to_target at the pace of the round before. Prints "N passed, M failed"; exits 1 on
a mismatch, 0 only when everything matches; without duckdb it fails.
"""
import math

from checklib import DATA, binary_argument, check, csv_rows, duckdb, finish

# Each target's numerator and denominator columns (the built-in measures of the same name).
MEASURES = {
    "i_gang": ("startet", "personer"),
    "selvforsoergende": ("uger_selvforsoergende", "uger_i_alt"),
    "aktivering": ("uger_aktivering", "uger_i_alt"),
}

SQL = """
with k as (select kommune from read_csv_auto('{data}/kommuner.csv') where vip2 = 1),
m as (select maal_id, taerskel from read_csv_auto('{data}/maal.csv')),
r as (select * from read_csv_auto('{data}/resultater.csv') where kommune in (select kommune from k)),
t as (
  {totals}
),
v as (
  select t.kommune, t.runde, t.maal, 100.0 * t.num / t.den as value, m.taerskel, t.num, t.den
  from t join m on m.maal_id = t.maal
)
select v5.kommune, v5.maal, v5.value, v5.taerskel, v5.value - v5.taerskel as gap,
  v5.value >= v5.taerskel as met,
  case when v5.value >= v5.taerskel then 0 else ceil(v5.taerskel * v5.den / 100.0 - v5.num) end as short,
  case when v5.value >= v5.taerskel then 0
       when v5.value - v4.value > 0 then ceil((v5.taerskel - v5.value) / (v5.value - v4.value))
       else null end as rounds,
  v5.value - v4.value as pace
from v v5 join v v4 on v4.kommune = v5.kommune and v4.maal = v5.maal and v4.runde = {before}
where v5.runde = {round}
order by v5.kommune, v5.maal
"""


def expected(round_):
    totals = "\n  union all\n  ".join(
        f"select kommune, runde, '{name}' as maal, sum({num})::double as num, sum({den})::double as den "
        f"from r group by kommune, runde"
        for name, (num, den) in MEASURES.items()
    )
    rows = duckdb.sql(SQL.format(data=DATA, totals=totals, round=round_, before=round_ - 1)).fetchall()
    return {(row[0], row[1]): row[2:] for row in rows}


def actual(binary, round_):
    result = {}
    for row in csv_rows(binary, ["gap by runde"]):
        if row["runde"] == str(round_):
            result[(row["kommune"], row["maal"])] = row
    return result


def main():
    binary = binary_argument()
    for round_ in (5, 4):
        want = expected(round_)
        got = actual(binary, round_)
        print(f"round {round_} (pace from round {round_ - 1}):")
        check("row count", len(want) == 15 and set(want) == set(got), f"duckdb {sorted(want)} trappe {sorted(got)}")
        print(f"{'kommune':<12} {'maal':<17} {'value':>7} {'thr':>5} {'gap_pp':>7} {'met':>5} {'short':>6} {'rounds':>6}")
        for key in sorted(want):
            value, threshold, gap, met, short, rounds, pace = want[key]
            print(f"{key[0]:<12} {key[1]:<17} {value:7.2f} {threshold:5.0f} {gap:7.2f} {str(met):>5} {short:6.0f} "
                  f"{'NULL' if rounds is None else int(rounds):>6}")
            row = got.get(key)
            if row is None:
                check(f"{key}", False, "missing in trappe's output")
                continue
            label = f"round {round_} {key[0]} {key[1]}"
            check(f"{label} value", abs(float(row["value"]) - value) <= 0.005 + 1e-9, f"{row['value']} vs {value}")
            check(f"{label} threshold", float(row["threshold"]) == threshold, f"{row['threshold']} vs {threshold}")
            check(f"{label} gap_pp", abs(float(row["gap_pp"]) - gap) <= 0.005 + 1e-9, f"{row['gap_pp']} vs {gap}")
            check(f"{label} met", row["met"] == ("true" if met else "false"), f"{row['met']} vs {met}")
            check(f"{label} short", int(row["short"]) == int(short), f"{row['short']} vs {short}")
            want_rounds = "" if rounds is None else str(int(rounds))
            check(f"{label} rounds_to_target", row["rounds_to_target"] == want_rounds,
                  f"{row['rounds_to_target']!r} vs {want_rounds!r}")
            # The trend from DuckDB's own pace (this round's value minus the round before's).
            if met:
                trend = "met"
            elif abs(pace) < 1e-9:
                trend = "flat"
            else:
                trend = "approaching" if pace > 0 else "moving away"
            check(f"{label} trend", row["trend"] == trend, f"{row['trend']} vs {trend} (pace {pace})")
            if not math.isfinite(value):
                check(f"{label} finite", False, "value is not finite")
    finish()


if __name__ == "__main__":
    main()
