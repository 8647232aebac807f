#!/usr/bin/env python3
"""Checks trappe's `flow` and `survival` against an independent computation.

Usage: check_flow_with_duckdb.py PATH/TO/trappe

The round 1 -> round 5 flow table is computed in SQL by DuckDB on Datasets/forloeb.csv
(round weeks: the last ISO week whose Thursday falls in the round's data_til month in
runder.csv, the data the round had);
also by koen and by herkomst (each person's status in a group's rows); Kaplan-Meier (at risk,
exits and the share still on benefit at every reported week, overall, by herkomst and by koen)
is computed in plain Python from the spells.
Prints "N passed, M failed" and exits non-zero on any mismatch.
"""
import csv
import datetime
import os

from checklib import DATA, binary_argument, check, csv_rows, duckdb, finish

SPELLS = os.path.join(DATA, "forloeb.csv")
ROUNDS = os.path.join(DATA, "runder.csv")
BENEFITS = ["kontanthjælp"]


def last_week_of(month):
    """The last ISO week whose Thursday falls in the month (YYYY-MM)."""
    year, m = (int(x) for x in month.split("-"))
    day = datetime.date(year + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
    while day.isoweekday() != 4:
        day -= datetime.timedelta(days=1)
    iso = day.isocalendar()
    return f"{iso[0]}W{iso[1]:02d}"


def week_ordinal(text):
    year, week = text.split("W")
    return datetime.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7


def check_flow(binary, con, a, b, by):
    """flow from 1 to 5 [by COLUMN]: each person's status in the week of round 1 and of round 5."""
    key = f"{by}, " if by else ""
    group = f", p.{by}" if by else ""
    expected = con.execute(f"""
      with p as (select distinct person{", " + by if by else ""} from f),
      s as (
        select p.person{group},
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{a}'
                    and coalesce(slut_uge, obs.last) >= '{a}'), 'ikke i data') as from_status,
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{b}'
                    and coalesce(slut_uge, obs.last) >= '{b}'), 'ikke i data') as to_status
        from p)
      select {key}from_status, to_status, count(*) as persons,
        100.0 * count(*) / sum(count(*)) over (partition by {key}from_status) as row_pct
      from s group by {"1, 2, 3" if by else "1, 2"}""").fetchall()
    command = "flow from 1 to 5" + (f" by {by}" if by else "")
    rows = csv_rows(binary, [command])
    width = 1 if by else 0
    actual = {tuple(r[c] for c in ([by] if by else []) + ["from_status", "to_status"]): r for r in rows}
    check(f"{command} row count", len(rows) == len(actual) == len(expected), f"{len(rows)} != {len(expected)}")
    for row in expected:
        cell, persons, pct = row[:width + 2], row[width + 2], row[width + 3]
        got = actual.get(tuple(cell))
        if got is None:
            check(f"{command} {cell}", False, "missing")
            continue
        check(f"{command} {cell} persons", int(got["persons"]) == persons, f"{got['persons']} != {persons}")
        check(f"{command} {cell} row_pct", abs(float(got["row_pct"]) - pct) <= 0.051, f"{got['row_pct']} != {pct:.3f}")


def check_gross(binary, con, points, command, lasting=None):
    """`flow ... gross`: a week grid per person in DuckDB (status = the last covering spell in file
    order, 'ikke i data' where none covers), moves by lag over the weeks; per period (p, q]:
    stocks at p and q, inflow = moves into the status, outflow = moves out of it."""
    ordinals = [week_ordinal(p) for p in points]
    a, b = ordinals[0], ordinals[-1]
    # lasting N: the grid reaches N - 1 weeks past the last point, within the data.
    last = week_ordinal(con.execute("select last from obs").fetchone()[0])
    end = min(last, b + (lasting or 1) - 1)
    con.execute(f"""create or replace temp table grid as
      with sp as (select rn, person, status,
          (date_diff('day', date '0001-01-01', date_trunc('week', make_date(substr(start_uge, 1, 4)::int, 1, 4))
            + to_days((substr(start_uge, 6, 2)::int - 1) * 7)) + 1) // 7 s,
          (date_diff('day', date '0001-01-01', date_trunc('week', make_date(substr(e, 1, 4)::int, 1, 4))
            + to_days((substr(e, 6, 2)::int - 1) * 7)) + 1) // 7 e
        from (select *, coalesce(slut_uge, (select last from obs)) e from fr)),
      weeks as (select range w from range({a}, {end} + 1)),
      cov as (select person, w, arg_max(status, rn) status from sp join weeks on s <= w and w <= e group by all),
      people as (select distinct person from cov where w <= {b})
      select p.person, weeks.w, coalesce(c.status, 'ikke i data') status,
        lag(coalesce(c.status, 'ikke i data')) over (partition by p.person order by weeks.w) prev
      from people p cross join weeks left join cov c on c.person = p.person and c.w = weeks.w""")
    want = {}
    for p, q, pt, qt in zip(ordinals, ordinals[1:], points, points[1:]):
        rows = con.execute(f"""
          with st as (select status, count(*) filter (where w = {p}) s0, count(*) filter (where w = {q}) s1
                      from grid group by status),
            i as (select status, count(*) n from grid where w > {p} and w <= {q} and status <> prev group by status),
            o as (select prev status, count(*) n from grid where w > {p} and w <= {q} and status <> prev group by prev),
            l as (select prev status, count(*) n from grid g where w > {p} and w <= {q} and status <> prev
                  and w + {lasting or 1} - 1 <= {end} and not exists (select 1 from grid h where h.person = g.person
                  and h.w between g.w and g.w + {lasting or 1} - 1 and h.status = g.prev) group by prev)
          select st.status, s0, coalesce(i.n, 0), coalesce(o.n, 0), s1, coalesce(l.n, 0) from st left join i using (status)
            left join o using (status) left join l using (status)""").fetchall()
        for status, s0, inflow, outflow, s1, lasted in rows:
            if s0 or s1 or inflow or outflow:
                want[(pt, qt, status)] = (s0, inflow, outflow, inflow - outflow, s1) + ((lasted,) if lasting else ())
    got = {(r["period_from"], r["period_to"], r["status"]):
           tuple(int(r[k]) for k in ("stock_start", "inflow", "outflow", "net", "stock_end")
                 + (("lasting_outflow",) if lasting else ()))
           for r in csv_rows(binary, [command])}
    bad = [k for k in want if got.get(k) != want[k]]
    check(f"{command}: {len(want)} period × status rows", want and len(got) == len(want) and not bad,
          f"{len(got)} rows from Trappe, {len(want)} from DuckDB" +
          (f"; {bad[0]}: DuckDB {want[bad[0]]}, Trappe {got.get(bad[0])}" if bad else ""))
    # The identity the footer states, on DuckDB's numbers: stock_end = stock_start + net.
    check(f"{command}: stock_end = stock_start + net", all(v[4] == v[0] + v[3] for v in want.values()))


def check_flow_peers(binary, con, a, b, municipality, peers):
    """`flow from 1 to 5 for M against peers`: the flow of M's rows next to the pooled flow of the
    peers' rows (persons summed over the peers before dividing). The peer list itself is checked by
    check_peers.py; here it is given (Slagelse's 3 nearest, as `peers Slagelse k=3` lists them)."""
    def table(names):
        inlist = ", ".join("'" + n + "'" for n in names)
        return {(f, t): (n, pct) for f, t, n, pct in con.execute(f"""
          with g as (select * from f where kommune in ({inlist})),
          p as (select distinct person from g),
          s as (select coalesce((select status from g, obs where g.person = p.person and start_uge <= '{a}'
                          and coalesce(slut_uge, obs.last) >= '{a}'), 'ikke i data') fs,
                       coalesce((select status from g, obs where g.person = p.person and start_uge <= '{b}'
                          and coalesce(slut_uge, obs.last) >= '{b}'), 'ikke i data') ts from p)
          select fs, ts, count(*), 100.0 * count(*) / sum(count(*)) over (partition by fs) from s group by 1, 2""").fetchall()}
    own, pooled = table([municipality]), table(peers)
    command = f"flow from 1 to 5 for {municipality} against peers"
    output = csv_rows(binary, [command])
    got = {(r["from_status"], r["to_status"]): r for r in output}
    keys = set(own) | set(pooled)
    check(f"{command}: {len(keys)} rows", output and len(got) == len(keys), f"{len(got)} != {len(keys)}")
    for key in sorted(keys):
        r = got.get(key)
        if r is None:
            check(f"{command} {key}", False, "missing")
            continue
        n, pct = own.get(key, (0, None))
        pn, ppct = pooled.get(key, (0, None))
        ok = int(r["persons"]) == n and int(r["peer_persons"]) == pn
        ok = ok and (pct is None) == (r["row_pct"] == "") and (ppct is None) == (r["peer_row_pct"] == "")
        if pct is not None and ppct is not None:
            ok = ok and abs(float(r["row_pct"]) - pct) <= 0.051 and abs(float(r["peer_row_pct"]) - ppct) <= 0.051
            ok = ok and abs(float(r["diff_pct"]) - (pct - ppct)) <= 0.051
        check(f"{command} {key}", ok, f"Trappe {dict(r)}, DuckDB {n}, {pct}, {pn}, {ppct}")


def kaplan_meier(durations):
    """durations: (weeks, exited) per spell -> {week: (at risk at the start of the week, exits, S(week))}."""
    exits, censored = {}, {}
    for d, exited in durations:
        (exits if exited else censored)[d] = (exits if exited else censored).get(d, 0) + 1
    at_risk = len(durations)
    table, s = {}, 1.0
    for t in range(1, max(list(exits) + list(censored) + [1]) + 1):
        e = exits.get(t, 0)
        if at_risk > 0:
            s *= 1 - e / at_risk
        table[t] = (at_risk, e, s)
        at_risk -= e + censored.get(t, 0)
    return table


def main():
    binary = binary_argument()
    rounds = {row["runde"]: row["data_til"] for row in csv.DictReader(open(ROUNDS, encoding="utf-8"))}
    a, b = last_week_of(rounds["1"]), last_week_of(rounds["5"])
    con = duckdb.connect()
    con.execute(f"create table f as select * from read_csv('{SPELLS}', all_varchar=true)")
    # ISO week text sorts like the week itself (yyyyWww), so range checks work on strings.
    con.execute("create table obs as select max(greatest(start_uge, coalesce(slut_uge, start_uge))) as last from f")
    for by in (None, "koen", "herkomst"):
        check_flow(binary, con, a, b, by)
    con.execute(f"create table fr as select row_number() over () rn, * from read_csv('{SPELLS}', all_varchar=true)")
    check_gross(binary, con, [last_week_of(rounds[r]) for r in ("1", "2", "3", "4", "5")], "flow from 1 to 5 gross")
    check_gross(binary, con, ["2008W05", "2008W10"], "flow from 2008W05 to 2008W10 gross")
    check_gross(binary, con, ["2008W05", "2008W10"], "flow from 2008W05 to 2008W10 gross lasting 13", lasting=13)
    # Exits near the data's end (2009W26) cannot last 13 weeks: only earlier ones count.
    check_flow_peers(binary, con, a, b, "Slagelse", ["Høje-Taastrup", "Norddjurs", "Svendborg"])
    check_gross(binary, con, ["2008W31", "2009W20"],
                "flow from 2008W31 to 2009W20 gross lasting 13", lasting=13)

    # Kaplan-Meier in plain Python, on the kontanthjælp spells, per group; a running spell is
    # censored at the end of forloeb's observation window (the manifest's period).
    rows = list(csv.DictReader(open(SPELLS, encoding="utf-8")))
    period = next(line for line in open(SPELLS.replace(".csv", ".manifest"), encoding="utf-8") if line.startswith("period:"))
    last = week_ordinal(period.split("–")[1].split()[0])
    weeks = [4, 8, 13, 26, 52, 78, 104]
    for by in (None, "herkomst", "koen"):
        spells = {}
        for r in rows:
            if r["status"] not in BENEFITS:
                continue
            start = week_ordinal(r["start_uge"])
            if r["slut_uge"]:
                duration = (week_ordinal(r["slut_uge"]) - start + 1, True)
            else:
                duration = (last - start + 1, False)
            spells.setdefault(r[by] if by else "", []).append(duration)
        command = "survival for kontanthjælp" + (f" by {by}" if by else "")
        got = {((r[by] if by else ""), int(r["week"])): r for r in csv_rows(binary, [command])}
        check(f"{command} row count", len(got) == len(spells) * len(weeks), f"{len(got)} rows")
        for group, durations in sorted(spells.items()):
            km = kaplan_meier(durations)
            previous = 0
            for week in weeks:
                row = got.get((group, week))
                if row is None:
                    check(f"{command} {group} week {week}", False, "missing")
                    continue
                # at_risk: still on at the start of the interval (previous checkpoint, week];
                # events: exits in it; still_on_pct: 100 * S(week), to one decimal.
                at_risk = km[previous + 1][0] if previous + 1 in km else 0
                events = sum(km[t][1] for t in range(previous + 1, week + 1) if t in km)
                still = 100 * km[min(week, max(km))][2]
                label = f"{command} {group or 'all'} week {week}"
                check(f"{label} at_risk", int(row["at_risk"]) == at_risk, f"{row['at_risk']} != {at_risk}")
                check(f"{label} events", int(row["events"]) == events, f"{row['events']} != {events}")
                check(f"{label} still_on_pct", abs(float(row["still_on_pct"]) - still) <= 0.051,
                      f"{row['still_on_pct']} != {still:.3f}")
                previous = week
    finish()


main()
