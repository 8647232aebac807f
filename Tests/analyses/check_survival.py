#!/usr/bin/env python3
"""Checks trappe's `survival` options against an independent computation in plain Python.

Usage: check_survival.py PATH/TO/trappe

From Datasets/forloeb.csv and the observation window in Datasets/forloeb.manifest (`period:`),
each case builds its subjects (duration, event, entry) by the definitions in `.help survival` and
computes Kaplan-Meier with delayed entry (at risk in week t when entry < t <= duration; S(t) =
product of 1 - exits/at risk), then compares at_risk, events and still_on_pct at every reported
week:
- the review's repro (section 5.3.4): a `where` that keeps spells ending by 2008W10 or running;
  the running ones must be censored at 2009W26 (the manifest's end), not 2008W10;
- an inflow filter from 2007W14 (no left-censoring note) and `inflow 2007W14 2007W26`;
- `on support until selvforsørgende, uddannelse` (a person's consecutive spells of public support
  merged; other exits censored at their last week);
- `first` (each person's first kontanthjælp spell);
- delayed entry with a true-start column made in the query (`entry t0`, t0 = start_uge - person % 7)
  and with forloeb's start_faktisk.
Prints "N passed, M failed" and exits non-zero on any mismatch.
"""
import csv
import datetime
import os

from checklib import DATA, binary_argument, check, finish, run

SUPPORT = {"kontanthjælp", "starthjælp", "introduktionsydelse", "a-dagpenge", "sygedagpenge", "ledighedsydelse",
           "revalidering", "uddannelseshjælp", "ressourceforløb", "førtidspension", "aktivering"}


def ordinal(text):
    year, week = text.split("W")
    return datetime.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7


def window():
    period = next(line for line in open(os.path.join(DATA, "forloeb.manifest"), encoding="utf-8")
                  if line.startswith("period:"))
    first, last = period.split(":", 1)[1].split()[0].split("–")
    return ordinal(first), ordinal(last)


def curve(subjects):
    """subjects: (duration, event, entry) -> (at_risk[t], exits[t], S[t]) for t = 1 .. longest."""
    longest = max(d for d, _, _ in subjects)
    table, s = {}, 1.0
    for t in range(1, longest + 1):
        n = sum(1 for d, _, en in subjects if en < t <= d)
        e = sum(1 for d, ev, _ in subjects if ev and d == t)
        if n > 0:
            s *= 1 - e / n
        table[t] = (n, e, s)
    return table, longest


def footer_of(binary, command):
    """The footer lines trappe prints under the result (box format)."""
    result = run(binary, [command], fmt="box")
    return result.stdout + result.stderr


def compare(binary, command, subjects, weeks):
    table, longest = curve(subjects)
    result = run(binary, [command])
    rows = list(csv.DictReader(result.stdout.splitlines()))
    check(f"{command}: rows", len(rows) == len(weeks), f"{len(rows)} != {len(weeks)}")
    previous = 0
    for row, week in zip(rows, weeks):
        at_risk = table[previous + 1][0] if previous + 1 <= longest else 0
        events = sum(table[t][1] for t in range(previous + 1, min(week, longest) + 1))
        s = table[min(week, longest)][2]
        label = f"{command}: week {week}"
        check(f"{label} at_risk", int(row["at_risk"]) == at_risk, f"{row['at_risk']} != {at_risk}")
        check(f"{label} events", int(row["events"]) == events, f"{row['events']} != {events}")
        if week > longest and s > 0:
            check(f"{label} still_on_pct NULL", row["still_on_pct"] in ("", "NULL"), row["still_on_pct"])
        else:
            check(f"{label} still_on_pct", abs(float(row["still_on_pct"]) - 100 * s) <= 0.051,
                  f"{row['still_on_pct']} != {100 * s:.3f}")
        previous = week
    return footer_of(binary, command)


def main():
    binary = binary_argument()
    first, last = window()
    spells = list(csv.DictReader(open(os.path.join(DATA, "forloeb.csv"), encoding="utf-8")))
    for r in spells:
        r["s"] = ordinal(r["start_uge"])
        r["e"] = ordinal(r["slut_uge"]) if r["slut_uge"] else None
        r["p"] = int(r["person"])
    default = [4, 8, 13, 26, 52, 78, 104]

    def plain(rows, entry=lambda r: 0):
        out = []
        for r in rows:
            if r["status"] != "kontanthjælp":
                continue
            start = r["s"] - entry(r)
            end = r["e"] if r["e"] is not None else last
            out.append((end - start + 1, r["e"] is not None, r["s"] - start))
        return out

    # The review's repro: running spells censored at the manifest's last week (2009W26).
    w26, w10 = ordinal("2007W26"), ordinal("2008W10")
    kept = [r for r in spells if r["s"] <= w26 and (r["e"] is None or r["e"] <= w10)]
    footer = compare(binary, "forloeb | where start_uge <= 2007W26 and (slut_uge is null or slut_uge <= 2008W10) "
                     "| survival for kontanthjælp", plain(kept), default)
    check("repro footer censors at 2009W26", "censored: still running at 2009W26" in footer, footer)
    longest_censored = max(d for d, ev, _ in plain(kept) if not ev)
    check("repro: a running spell from 2007W01 lasts 130 weeks", longest_censored == last - first + 1,
          str(longest_censored))

    # An inflow filter: no note about spells running at the window's start.
    w14 = ordinal("2007W14")
    inflow = [r for r in spells if w14 <= r["s"] <= w26]
    footer = compare(binary, "forloeb | where start_uge >= 2007W14 and start_uge <= 2007W26 | survival for kontanthjælp "
                     "weeks 13", plain(inflow), list(range(13, 118, 13)))
    check("inflow filter: no left-censoring note", "counted from there" not in footer, footer)
    compare(binary, "survival for kontanthjælp inflow 2007W14 2007W26 weeks 13", plain(inflow), list(range(13, 118, 13)))

    # first: each person's first kontanthjælp spell.
    firsts = {}
    for r in sorted(spells, key=lambda r: (r["p"], r["s"])):
        if r["status"] == "kontanthjælp" and r["p"] not in firsts:
            firsts[r["p"]] = r
    compare(binary, "survival for kontanthjælp first", plain(firsts.values()), default)

    # on support until selvforsørgende, uddannelse: merged support spells starting with kontanthjælp.
    by_person = {}
    for r in sorted(spells, key=lambda r: (r["p"], r["s"])):
        by_person.setdefault(r["p"], []).append(r)
    merged = []
    for rows in by_person.values():
        i = 0
        while i < len(rows):
            if rows[i]["status"] not in SUPPORT:
                i += 1
                continue
            j = i
            while (j + 1 < len(rows) and rows[j]["e"] is not None and rows[j + 1]["status"] in SUPPORT
                   and rows[j + 1]["s"] == rows[j]["e"] + 1):
                j += 1
            if rows[i]["status"] == "kontanthjælp":
                end = rows[j]["e"]
                nxt = rows[j + 1]["status"] if j + 1 < len(rows) and end is not None and rows[j + 1]["s"] == end + 1 else None
                event = end is not None and nxt in ("selvforsørgende", "uddannelse")
                merged.append(((end if end is not None else last) - rows[i]["s"] + 1, event, 0))
            i = j + 1
    compare(binary, "survival for kontanthjælp on support until selvforsørgende, uddannelse", merged, default)

    # Delayed entry with a true start t0 = start_uge - person % 7 weeks.
    compare(binary, "forloeb | extend t0 = start_uge - person % 7 | survival for kontanthjælp entry t0 weeks 13",
            plain(spells, entry=lambda r: r["p"] % 7), list(range(13, 131 + 7, 13)))
    # Delayed entry with forloeb's own true start (start_faktisk, earlier only for spells running at 2007W01).
    true_start = lambda r: r["s"] - ordinal(r["start_faktisk"])
    subjects = plain(spells, entry=true_start)
    compare(binary, "survival for kontanthjælp entry start_faktisk weeks 52", subjects,
            list(range(52, max(d for d, _, _ in subjects) + 1, 52)))
    finish()


main()
