#!/usr/bin/env python3
"""Checks trappe's survival statistics against lifelines (PyPI), on forloeb's kontanthjælp spells.

Usage: check_survival_lifelines.py PATH/TO/trappe

For `survival for kontanthjælp by herkomst` (and without `by`), lifelines' KaplanMeierFitter is
fitted on the spells per group (duration = slut_uge - start_uge + 1 weeks; NULL slut_uge =
censored at the last observed week), and compared with trappe at every reported week:
- still_on_lo/hi against KaplanMeierFitter.confidence_interval_ (exponential Greenwood,
  log(-log) scale), to 1e-6 (in %);
- the footer's median and its 95 % interval against median_survival_time_ and
  median_survival_times(confidence_interval_) (whole weeks, exactly);
- the footer's log-rank statistic and p against multivariate_logrank_test, to 1e-6.
For `survival for kontanthjælp by destination` (destination = the status of the person's spell
that starts the week after), incidence_pct against lifelines' AalenJohansenFitter per destination
and against the textbook sum F_k(t) = sum_{s<=t} S(s-1) d_k(s) / n(s) in plain Python, to 1e-6,
and each week's rows adding up to 100; the same for `… entry start_faktisk by destination` (delayed
entry: at risk when entry < t <= duration; lifelines' entry=) and `survival on support by
destination` (consecutive spells of public support merged per person, built here independently). lifelines jitters tied times of different causes by
default; its formula already aggregates ties (d_k/n times the lagged S), so the check turns the
jitter off (AalenJohansenFitter._check_for_duplicates returns False) to compare exact values.
Prints "N passed, M failed" and exits non-zero on any mismatch.
"""
import csv
import datetime
import math
import os
import re
import sys

import checklib
from checklib import DATA, binary_argument, check, csv_rows, finish

try:
    import numpy as np
    from lifelines import AalenJohansenFitter, KaplanMeierFitter
    from lifelines.statistics import multivariate_logrank_test
    from lifelines.utils import median_survival_times
except ImportError as error:
    print(f"FAIL: lifelines is missing ({error}), so this cross-check cannot run "
          "(Scripts/ensure-deps --with-duckdb installs it in .build/venv)")
    sys.exit(1)

SPELLS = os.path.join(DATA, "forloeb.csv")
WEEKS = [4, 8, 13, 26, 52, 78, 104]


def week_ordinal(text):
    year, week = text.split("W")
    return datetime.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7


def spells_by(rows, last, status, by):
    """{group: (durations, observed)} of the spells with the status."""
    groups = {}
    for r in rows:
        if r["status"] != status:
            continue
        start = week_ordinal(r["start_uge"])
        end = week_ordinal(r["slut_uge"]) if r["slut_uge"] else last
        durations, observed = groups.setdefault(r[by] if by else "all", ([], []))
        durations.append(end - start + 1)
        observed.append(bool(r["slut_uge"]))
    return groups


def weeks_text(value):
    if value == math.inf:
        return "not reached"
    return str(int(value))


def main():
    binary = binary_argument()
    rows = list(csv.DictReader(open(SPELLS, encoding="utf-8")))
    last = max(max(week_ordinal(r["start_uge"]), week_ordinal(r["slut_uge"]) if r["slut_uge"] else 0) for r in rows)
    status = "kontanthjælp"
    for by in (None, "herkomst"):
        groups = spells_by(rows, last, status, by)
        command = f"survival for {status}" + (f" by {by}" if by else "")
        got = {((r[by] if by else "all"), int(r["week"])): r for r in csv_rows(binary, [command])}
        # The footer, from box mode wide enough not to cut its lines.
        footer = checklib.run(binary, [".width 1000", command], fmt="box").stdout.splitlines()
        check(f"{command} row count", len(got) == len(groups) * len(WEEKS), f"{len(got)} rows")
        for group, (durations, observed) in sorted(groups.items()):
            kmf = KaplanMeierFitter().fit(durations, observed)
            ci = kmf.confidence_interval_
            for week in WEEKS:
                row = got.get((group, week))
                if row is None:
                    check(f"{command} {group} week {week}", False, "missing")
                    continue
                band = ci[ci.index <= week].iloc[-1]
                for column, want in (("still_on_lo", band.iloc[0]), ("still_on_hi", band.iloc[1])):
                    check(f"{command} {group} week {week} {column}", abs(float(row[column]) - 100 * want) <= 1e-6,
                          f"{row[column]} != {100 * want!r}")
            # Median and its interval (Brookmeyer-Crowley from the bands), whole weeks.
            median = kmf.median_survival_time_
            bounds = median_survival_times(ci)
            label = f"{by}={group}" if by else "all"
            at = next((i for i, l in enumerate(footer) if l.startswith(label + ":")), None)
            want = f"median {weeks_text(median)}" + (" weeks" if median != 1 and median != math.inf else "")
            line = footer[at] if at is not None else ""
            check(f"{command} {label} median", line.endswith(want), f"{line!r} does not end with {want!r}")
            lower, upper = bounds.iloc[0, 0], bounds.iloc[0, 1]
            want_ci = None if lower == math.inf else (
                f"  95 % CI of the median: {weeks_text(lower)}–" + ("not reached" if upper == math.inf else f"{weeks_text(upper)} weeks"))
            next_line = footer[at + 1] if at is not None and at + 1 < len(footer) else ""
            got_ci = next_line if next_line.startswith("  95 % CI of the median") else None
            check(f"{command} {label} median CI", got_ci == want_ci, f"{got_ci!r} != {want_ci!r}")
        if by:
            durations = [d for g in groups.values() for d in g[0]]
            observed = [o for g in groups.values() for o in g[1]]
            labels = [name for name, g in groups.items() for _ in g[0]]
            test = multivariate_logrank_test(np.array(durations), np.array(labels), np.array(observed))
            line = next((l for l in footer if l.strip().startswith(f"log-rank test by {by}:")), "")
            found = re.search(r"chi² = ([0-9.]+), df = (\d+), p ([<=]) ([0-9.]+)", line)
            check(f"{command} log-rank line", found is not None, f"footer: {footer!r}")
            if found:
                check(f"{command} log-rank chi²", abs(float(found.group(1)) - test.test_statistic) <= 1e-6,
                      f"{found.group(1)} != {test.test_statistic!r}")
                check(f"{command} log-rank df", int(found.group(2)) == test.degrees_of_freedom,
                      f"{found.group(2)} != {test.degrees_of_freedom}")
                p = test.p_value
                if found.group(3) == "<":
                    check(f"{command} log-rank p", p < 0.0001, f"p = {p!r}")
                else:
                    check(f"{command} log-rank p", abs(float(found.group(4)) - p) <= 0.00005, f"{found.group(4)} != {p!r}")
    check_destinations(binary, rows, last, status)
    finish()


# Public support as `survival on support` defines it (docs: .help survival): benefits and activation.
SUPPORT = {"kontanthjælp", "starthjælp", "introduktionsydelse", "a-dagpenge", "sygedagpenge", "ledighedsydelse",
           "revalidering", "uddannelseshjælp", "ressourceforløb", "førtidspension", "aktivering"}


def destination_subjects(rows, last, status, support=False, true_start=False):
    """(durations, entries, causes) of the spells with the status (support: merged spells of public
    support per person), cause = the status of the person's spell starting the week after, None when
    still running; with true_start the duration counts from start_faktisk and entry = the weeks
    lasted before start_uge (delayed entry)."""
    starts = {(r["person"], week_ordinal(r["start_uge"])): r["status"] for r in rows}
    by_person = {}
    for r in rows:
        by_person.setdefault(r["person"], []).append(r)
    subjects = []
    for spells in by_person.values():
        spells.sort(key=lambda r: week_ordinal(r["start_uge"]))
        i = 0
        while i < len(spells):
            r = spells[i]
            j = i
            if support:
                if r["status"] not in SUPPORT:
                    i += 1
                    continue
                while (j + 1 < len(spells) and spells[j]["slut_uge"] and spells[j + 1]["status"] in SUPPORT
                       and week_ordinal(spells[j + 1]["start_uge"]) == week_ordinal(spells[j]["slut_uge"]) + 1):
                    j += 1
            elif r["status"] != status:
                i += 1
                continue
            i = j + 1
            observed = week_ordinal(r["start_uge"])
            begin = week_ordinal(r["start_faktisk"]) if true_start and r["start_faktisk"] else observed
            closing = spells[j]
            if closing["slut_uge"]:
                end = week_ordinal(closing["slut_uge"])
                cause = starts.get((r["person"], end + 1), "(not in input)")
            else:
                end, cause = last, None
            subjects.append((end - begin + 1, observed - begin, cause))
    return ([s[0] for s in subjects], [s[1] for s in subjects], [s[2] for s in subjects])


def check_destinations(binary, rows, last, status):
    cases = [
        (f"survival for {status} by destination", destination_subjects(rows, last, status)),
        (f"survival for {status} entry start_faktisk by destination",
         destination_subjects(rows, last, status, true_start=True)),
        ("survival on support by destination", destination_subjects(rows, last, status, support=True)),
    ]
    for command, (durations, entries, causes) in cases:
        check_destination_case(binary, command, durations, entries, causes)


def check_destination_case(binary, command, durations, entries, causes):
    names = sorted({c for c in causes if c is not None})
    code = {name: i + 1 for i, name in enumerate(names)}
    events = np.array([0 if c is None else code[c] for c in causes])
    durations = np.array(durations)
    entries = np.array(entries)
    got = {(r["destination"], int(r["week"])): float(r["incidence_pct"]) for r in csv_rows(binary, [command])}
    check(f"{command} row count", len(got) == (len(names) + 1) * len(WEEKS), f"{len(got)} rows")
    # Textbook Aalen-Johansen over whole weeks with delayed entry: at risk at t when entry < t <= duration,
    # d_k(t) = exits to k at t.
    longest = durations.max()
    survival, incidence = 1.0, {name: 0.0 for name in names}
    by_week = {}
    for t in range(1, longest + 1):
        n = int(((entries < t) & (durations >= t)).sum())
        at_t = events[durations == t]
        d = int((at_t > 0).sum())
        for name in names:
            incidence[name] += survival * int((at_t == code[name]).sum()) / n if n else 0
        survival *= (1 - d / n) if n else 1
        by_week[t] = (survival, dict(incidence))
    AalenJohansenFitter._check_for_duplicates = staticmethod(lambda durations, events: False)
    for name in names:
        # lifelines counts a subject entering at e as at risk at time e itself; in whole weeks a spell
        # that had lasted e weeks when first observed can first exit at week e + 1, so it enters at
        # e + 0.5 here (at risk from week e + 1, as in the textbook sum above).
        aj = AalenJohansenFitter(calculate_variance=False).fit(
            durations, events, event_of_interest=code[name], entry=entries + 0.5 if entries.any() else None)
        cif = aj.cumulative_density_.iloc[:, 0]
        for week in WEEKS:
            want = 100 * by_week[min(week, longest)][1][name]
            lifelines_value = 100 * cif[cif.index <= week].iloc[-1]
            value = got.get((name, week))
            check(f"{command} {name} week {week} textbook", value is not None and abs(value - want) <= 1e-6, f"{value} != {want!r}")
            check(f"{command} {name} week {week} lifelines", value is not None and abs(value - lifelines_value) <= 1e-6,
                  f"{value} != {lifelines_value!r}")
    for week in WEEKS:
        still = got.get(("(still on)", week))
        check(f"{command} (still on) week {week}", still is not None and abs(still - 100 * by_week[min(week, longest)][0]) <= 1e-6,
              f"{still}")
        total = sum(v for (name, w), v in got.items() if w == week)
        check(f"{command} week {week} adds up to 100", abs(total - 100) <= 1e-9, f"{total!r}")


main()
