#!/usr/bin/env python3
"""Checks `gap … cohort` (the Ny Chance targets on a fixed cohort) against DuckDB SQL over
Datasets/forloeb.csv, written here by hand (not Trappe's `explain sql`).

Usage: check_cohort.py PATH-TO-TRAPPE

The definitions, restated independently:
- cohort: the persons whose spell in the start week (the first week of forloeb, 2007W01, since
  the effort's start July 2006 is before the data) has status kontanthjælp or starthjælp; their
  municipality is that spell's;
- cut-off: each round's data_til month in Datasets/runder.csv (or the round's month minus lag);
  the cut-off week is the last ISO week whose Thursday lies in that month (computed here with
  Python's datetime); without `by`, the target month maal.indsats_til;
- i_gang = cohort persons with a selvforsørgende or uddannelse spell that overlaps the start week
  to the cut-off / cohort persons; selvforsoergende = the cohort's weeks selvforsørgende or
  uddannelse / all its weeks, start to cut-off; aktivering = weeks in aktivering / weeks on
  kontanthjælp, starthjælp or aktivering;
- pace_pp_month = value change / months between consecutive data_til months; months_to_target =
  ceil(remaining / pace) while approaching; after_target = cut-off week after the target month's.

Every municipality in forloeb (at least 3 are required), every round, all three targets, with the
default lag and with lag=0, and the standing at the target date. Prints "N passed, M failed".
"""
import calendar
import csv
import datetime
import math
import os
import subprocess

from checklib import DATA, ROOT, binary_argument, check, close, csv_rows, duckdb, finish

SELF = ("selvforsørgende", "uddannelse")
COHORT = ("kontanthjælp", "starthjælp")
SUPPORT = ("kontanthjælp", "starthjælp", "aktivering")


def last_iso_week(year, month):
    """The Monday of the last ISO week whose Thursday falls in the month."""
    day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    while True:
        monday = day - datetime.timedelta(days=day.weekday())
        if (monday + datetime.timedelta(days=3)).month == month:
            return monday
        day -= datetime.timedelta(days=7)


def week_text(monday):
    year, week, _ = monday.isocalendar()
    return f"{year}W{week:02d}"


def month_of(text):
    year, month = text.split("-")
    return int(year), int(month)


def rounds(lag):
    """(round, data_til month as (y, m)) from runder.csv; with lag, the round's month minus lag."""
    result = []
    with open(os.path.join(DATA, "runder.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if lag is None:
                y, m = month_of(row["data_til"])
            else:
                y, m = month_of(row["maaned"])
                index = y * 12 + m - 1 - lag
                y, m = index // 12, index % 12 + 1
            result.append((int(row["runde"]), (y, m)))
    return sorted(result)


def maal():
    with open(os.path.join(DATA, "maal.csv"), encoding="utf-8") as f:
        return {row["maal_id"]: row for row in csv.DictReader(f)}


SQL = """
with spells as (
  select person, kommune, status,
    -- the Monday of an ISO week 'YYYYWnn': the Monday of the week holding 4 January, plus weeks
    (make_date(cast(left(start_uge, 4) as int), 1, 4)
      - cast(isodow(make_date(cast(left(start_uge, 4) as int), 1, 4)) - 1 as int)
      + 7 * (cast(right(start_uge, 2) as int) - 1)) as s,
    case when slut_uge is null or slut_uge = '' then date '9999-12-27' else
    (make_date(cast(left(slut_uge, 4) as int), 1, 4)
      - cast(isodow(make_date(cast(left(slut_uge, 4) as int), 1, 4)) - 1 as int)
      + 7 * (cast(right(slut_uge, 2) as int) - 1)) end as e
  from read_csv('{forloeb}', all_varchar = true, header = true)
),
first_week as (select min(s) as w from spells),
cohort as (
  select person, any_value(kommune) as kommune from spells, first_week
  where s <= w and w <= e and status in {cohort} group by person
),
cuts as (select * from (values {cuts}) as c(cut_id, cut)),
clipped as (
  select c.kommune, sp.person, sp.status, cuts.cut_id,
    (least(sp.e, cuts.cut) - greatest(sp.s, fw.w)) // 7 + 1 as weeks
  from spells as sp join cohort as c using (person) cross join cuts cross join first_week as fw
  where sp.s <= cuts.cut and sp.e >= fw.w
)
select kommune, cut_id,
  (select count(*) from cohort as c2 where c2.kommune = clipped.kommune) as persons,
  count(distinct person) filter (where status in {self}) as started,
  sum(weeks) as weeks,
  coalesce(sum(weeks) filter (where status in {self}), 0) as self_weeks,
  coalesce(sum(weeks) filter (where status = 'aktivering'), 0) as akt_weeks,
  coalesce(sum(weeks) filter (where status in {support}), 0) as support_weeks
from clipped group by kommune, cut_id
"""


def expected(cut_mondays):
    cuts = ", ".join(f"({i}, date '{d.isoformat()}')" for i, d in enumerate(cut_mondays))
    sql = SQL.format(forloeb=os.path.join(DATA, "forloeb.csv"), cohort=COHORT, self=SELF, support=SUPPORT, cuts=cuts)
    result = {}
    for kommune, cut_id, persons, started, weeks, self_w, akt_w, sup_w in duckdb.sql(sql).fetchall():
        result[(kommune, cut_id)] = {
            "i_gang": (started, persons),
            "selvforsoergende": (self_w, weeks),
            "aktivering": (akt_w, sup_w),
        }
    return result


def compare(label, row, num, den, threshold, cut_monday):
    value = 100.0 * num / den
    met = value >= threshold - 1e-9 * max(1, threshold)
    short = 0 if met else math.ceil(threshold * den / 100.0 - num - 1e-9)
    check(f"{label} cut_off", row["cut_off"] == week_text(cut_monday), f"{row['cut_off']} vs {week_text(cut_monday)}")
    check(f"{label} numerator", int(row["numerator"]) == num, f"{row['numerator']} vs {num}")
    check(f"{label} denominator", int(row["denominator"]) == den, f"{row['denominator']} vs {den}")
    check(f"{label} value", abs(float(row["value"]) - value) <= 0.005 + 1e-9, f"{row['value']} vs {value}")
    check(f"{label} gap_pp", abs(float(row["gap_pp"]) - (value - threshold)) <= 0.005 + 1e-9,
          f"{row['gap_pp']} vs {value - threshold}")
    check(f"{label} met", row["met"] == ("true" if met else "false"), f"{row['met']} vs {met}")
    check(f"{label} short", int(row["short"]) == short, f"{row['short']} vs {short}")
    return value, met


def check_rounds(binary, targets, lag):
    plan = rounds(lag)
    mondays = [last_iso_week(*month) for _, month in plan]
    want = expected(mondays)
    kommuner = sorted({k for k, _ in want})
    check("at least 3 municipalities in forloeb", len(kommuner) >= 3, f"{kommuner}")
    command = "gap cohort for alle by runde" + ("" if lag is None else f" lag={lag}")
    got = {(r["kommune"], int(r["runde"]), r["maal"]): r for r in csv_rows(binary, [command])}
    check(f"{command}: rows", len(got) == len(kommuner) * len(plan) * 3, f"{len(got)} rows")
    for kommune in kommuner:
        previous = {}
        for index, (runde, month) in enumerate(plan):
            for target, spec in targets.items():
                threshold = float(spec["taerskel"])
                target_week = last_iso_week(*month_of(spec["indsats_til"]))
                label = f"{command}: {kommune} round {runde} {target}"
                row = got.get((kommune, runde, target))
                if row is None:
                    check(label, False, "missing in trappe's output")
                    continue
                num, den = want[(kommune, index)][target]
                value, met = compare(label, row, num, den, threshold, mondays[index])
                after = mondays[index] > target_week
                check(f"{label} after_target", row["after_target"] == ("true" if after else "false"),
                      f"{row['after_target']} vs {after}")
                if target in previous:
                    before, before_month = previous[target]
                    months = (month[0] * 12 + month[1]) - (before_month[0] * 12 + before_month[1])
                    pace = (value - before) / months
                    check(f"{label} pace_pp_month", abs(float(row["pace_pp_month"]) - pace) <= 0.005 + 1e-9,
                          f"{row['pace_pp_month']} vs {pace}")
                    if met:
                        months_to, trend = "0", "met"
                    elif abs(pace) < 1e-9:
                        months_to, trend = "", "flat"
                    elif pace < 0:
                        months_to, trend = "", "moving away"
                    else:
                        months_to, trend = str(max(1, math.ceil((threshold - value) / pace - 1e-9))), "approaching"
                    check(f"{label} months_to_target", row["months_to_target"] == months_to,
                          f"{row['months_to_target']!r} vs {months_to!r}")
                    check(f"{label} trend", row["trend"] == trend, f"{row['trend']} vs {trend}")
                else:
                    check(f"{label} pace_pp_month empty", row["pace_pp_month"] == "", row["pace_pp_month"])
                previous[target] = (value, month)
    return kommuner


def check_target_date(binary, targets, kommuner):
    months = {spec["indsats_til"] for spec in targets.values()}
    check("one target date", len(months) == 1, f"{months}")
    monday = last_iso_week(*month_of(months.pop()))
    want = expected([monday])
    command = "gap cohort for alle"
    got = {(r["kommune"], r["maal"]): r for r in csv_rows(binary, [command])}
    check(f"{command}: rows", len(got) == len(kommuner) * 3, f"{len(got)} rows")
    for kommune in kommuner:
        for target, spec in targets.items():
            row = got.get((kommune, target))
            label = f"{command}: {kommune} {target}"
            if row is None:
                check(label, False, "missing in trappe's output")
                continue
            num, den = want[(kommune, 0)][target]
            compare(label, row, num, den, float(spec["taerskel"]), monday)


def main():
    binary = binary_argument()
    targets = {k: v for k, v in maal().items() if k in ("i_gang", "selvforsoergende", "aktivering")}
    check("three targets in maal", len(targets) == 3, f"{sorted(targets)}")
    kommuner = check_rounds(binary, targets, None)
    check_rounds(binary, targets, 0)
    check_target_date(binary, targets, kommuner)
    # The subset property of target 1 and the footer's definition and cut-off.
    rows = csv_rows(binary, ["gap i_gang cohort for alle by runde"])
    check("i_gang numerator <= denominator", all(int(r["numerator"]) <= int(r["denominator"]) for r in rows))
    # The footer (box format, wide enough not to cut it) names the definition and the cut-off.
    env = dict(os.environ, COLUMNS="400")
    footer = subprocess.run([binary, "-c", "gap cohort for alle by runde"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300).stdout
    first = min(w for w in (last_iso_week(*m) for _, m in rounds(None)))
    for phrase in ("cohort: persons on kontanthjælp or starthjælp in 2007W01, followed wherever they go",
                   "not checked: 'out of the labour market for a year before the start'",
                   "cut-off: data_til = runder.data_til, 2 months before the round (DREAM lag); "
                   "cut-off week = the last ISO week whose Thursday falls in data_til's month: "
                   f"round 1 {rounds(None)[0][1][0]}-{rounds(None)[0][1][1]:02d} → {week_text(first)}",
                   "target date (the effort's end, maal.indsats_til): 2008-07 (2008W31): round 5 after it",
                   "after_target = true marks results after the target date",
                   "pace_pp_month: value change per month between consecutive cut-offs"):
        check(f"footer says {phrase!r}", phrase in footer, footer[-3000:])
    finish()


if __name__ == "__main__":
    main()
