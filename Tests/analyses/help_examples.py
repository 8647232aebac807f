#!/usr/bin/env python3
"""The expected results of the `.help` examples, computed in DuckDB from Datasets/*.csv.

This is the record of how each `result:` in Sources/TrappeQuery/Functions/LanguageReference.swift
and in the analyses' bindings (Sources/TrappeAnalysis/*Binding.swift) was computed, independently
of Trappe: each entry below pairs the example (as written in the entry) with SQL that computes
the same table in DuckDB. Output is what `trappe --format csv -c EXAMPLE` prints: a CSV header
and rows, ints in digits, doubles in their shortest round-trip spelling with `.0` for whole
values, bools as true/false, NULL as an empty field.

Usage:
  help_examples.py            print every entry's expected result
  help_examples.py --check    compare with the Result blocks of docs/language.md (exit 1 on a difference)
  help_examples.py NAME ...   print only these entries (kind:name or name)

Entries without SQL here were written by hand (see the comment next to them): `chart` has no
CSV result, `explain` prints a plan, `let` a message.
"""
import csv, decimal, io, math, os, re, sys

from checklib import DATA as data, ROOT as root, check, duckdb, finish

con = duckdb.connect()
con.execute("set threads = 1")
# Each table keeps its file order in rn (Trappe's row order) and Trappe's column types.
con.execute(f"""create table kommunepanel_rn as
  select row_number() over () as rn, kommunekode::bigint kommunekode, kommune, region, (vip2::int <> 0) vip2,
         aar::bigint aar, befolkning::bigint befolkning, fuldtidsledige::bigint fuldtidsledige,
         kontanthjaelp_jan::bigint kontanthjaelp_jan
  from read_csv('{data}/kommunepanel.csv', header = true, all_varchar = true)""")
con.execute(f"""create table kommuner_rn as
  select row_number() over () as rn, kommunekode::bigint kommunekode, kommunekode_4, kommune, region,
         regionskode::bigint regionskode, nuts2, areal_km2::double areal_km2, (vip2::int <> 0) vip2
  from read_csv('{data}/kommuner.csv', header = true, all_varchar = true)""")
con.execute(f"""create table resultater_rn as
  select row_number() over () as rn, kommunekode::bigint kommunekode, kommune, runde::bigint runde, ydelse, herkomst,
         personer::bigint personer, startet::bigint startet, uger_selvforsoergende::double uger_selvforsoergende,
         uger_aktivering::double uger_aktivering, uger_i_alt::double uger_i_alt, jobpakke::bigint jobpakke
  from read_csv('{data}/resultater.csv', header = true, all_varchar = true)""")
con.execute("create view kommunepanel as select * exclude (rn) from kommunepanel_rn order by rn")
con.execute("create view kommuner as select * exclude (rn) from kommuner_rn order by rn")
con.execute("create view kp as select * from kommunepanel_rn")
con.execute("create view k as select * from kommuner_rn")
con.execute("create view r as select * from resultater_rn")

# Danish order for text: æ, ø, å after z (the built-in data has no 'aa' / 'Å' ties to worry about).
con.execute("create macro dk(s) as translate(s, 'æøåÆØÅ', '{|}{|}')")


def plain(v):
    """A double as Trappe's NumberFormatting.plain spells it."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    if v == round(v) and abs(v) < 1e15:
        return f"{int(v)}.0"
    text = repr(v)
    if "e" in text and 1e-4 <= abs(v) < 1e15:
        return format(decimal.Decimal(text), "f")
    return text


def cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, (float, decimal.Decimal)):
        return plain(float(v))
    text = str(v)
    # Trappe's CSV guards text that a spreadsheet would read as a formula with a leading '.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def table(sql):
    cur = con.execute(sql)
    header = [d[0] for d in cur.description]
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for row in cur.fetchall():
        w.writerow([cell(v) for v in row])
    return out.getvalue().rstrip("\n")


# kind:name -> (example, SQL or a literal result written by hand)
E = {}


def entry(key, example, sql=None, literal=None):
    E[key] = (example, sql, literal)


# ---- stages ----
entry("stage:from", "from kommunepanel | take 3", "select * from kommunepanel limit 3")
entry("stage:where", 'kommunepanel | where aar == 2008 and region == "Region Sjælland" | count',
      "select count(*) as count from kp where aar = 2008 and region = 'Region Sjælland'")
entry("stage:select", "kommunepanel | select kommune, aar, ledige = fuldtidsledige | take 3",
      "select kommune, aar, fuldtidsledige ledige from kp order by rn limit 3")
entry("stage:extend", "kommunepanel | extend pct = round(100.0 * fuldtidsledige / befolkning, 2) | take 3",
      "select * exclude (rn), round(100.0::double * fuldtidsledige / befolkning, 2) pct from kp order by rn limit 3")
entry("stage:summarize",
      "kommunepanel | where aar == 2008 | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region",
      "select region, sum(fuldtidsledige)::bigint ledige, sum(befolkning)::bigint indbyggere from kp where aar = 2008 "
      "group by region order by min(rn)")
entry("stage:sort", "kommunepanel | where aar == 2022 | sort by befolkning desc | select kommune, befolkning | take 3",
      "select kommune, befolkning from kp where aar = 2022 order by befolkning desc, rn limit 3")
entry("stage:top", "kommunepanel | where aar == 2022 | top 3 by befolkning | select kommune, befolkning",
      "select kommune, befolkning from kp where aar = 2022 order by befolkning desc, rn limit 3")
entry("stage:take", "kommuner | take 3", "select * from kommuner limit 3")
entry("stage:distinct", "kommuner | distinct region",
      "select region from k group by region order by min(rn)")
entry("stage:count", "kommuner | where vip2 | count", "select count(*) as count from k where vip2")
entry("stage:join",
      "kommunepanel | where aar == 2008 | join (kommuner | select kommunekode, nuts2) on kommunekode | take 3",
      "select kp.* exclude (rn), k.nuts2 from kp join k using (kommunekode) where aar = 2008 order by kp.rn limit 3")
entry("stage:union", 'kommuner | where kommune == "Aarhus" | union (kommuner | where kommune == "Slagelse")',
      "select * from kommuner where kommune = 'Aarhus' union all select * from kommuner where kommune = 'Slagelse'")
entry("stage:pivot",
      "kommunepanel | where aar between 2007 and 2009 | pivot aar values sum(fuldtidsledige) by region | sort by region",
      "select region, sum(fuldtidsledige) filter (aar = 2007)::bigint \"2007\", "
      "sum(fuldtidsledige) filter (aar = 2008)::bigint \"2008\", sum(fuldtidsledige) filter (aar = 2009)::bigint \"2009\" "
      "from kp group by region order by dk(region)")
entry("stage:unpivot",
      "kommunepanel | where aar == 2008 | select kommune, befolkning, fuldtidsledige | unpivot befolkning, fuldtidsledige into measure, value | take 4",
      "select kommune, measure, value from (select rn, kommune, 'befolkning' measure, befolkning value, 1 o from kp "
      "where aar = 2008 union all select rn, kommune, 'fuldtidsledige', fuldtidsledige, 2 from kp where aar = 2008) "
      "order by rn, o limit 4")
entry("stage:rename", "kommuner | rename navn = kommune | take 2",
      "select kommunekode, kommunekode_4, kommune navn, region, regionskode, nuts2, areal_km2, vip2 from k order by rn limit 2")
# chart: the one entry without a CSV result (its output is a drawing).
entry("stage:chart", "kommuner | summarize kommuner = count() by region | chart bar", literal=None)
# let: the message; 17 = the rows of kommuner in Region Sjælland, 8 its columns (checked below).
entry("stage:let", 'let sjaelland = kommuner | where region == "Region Sjælland"',
      literal="created sjaelland: %d rows, %d columns" % (
          con.execute("select count(*) from k where region = 'Region Sjælland'").fetchone()[0],
          len(con.execute("select * from kommuner limit 0").description)))
# explain: the plan, by hand: the filter and the three columns the query reads move into the scan's subtree.
entry("stage:explain", "explain kommunepanel | where aar == 2008 | summarize n = sum(befolkning) by region",
      literal="project region, n = #a0\n└─ aggregate #a0 = sum(befolkning) by region\n   └─ filter (aar == 2008)\n"
              "      └─ scan kommunepanel [region, aar, befolkning] (3 of 8 columns)")

# ---- scalar functions ----
entry("function:round", "kommunepanel | select kommune, aar, pct = round(100.0 * fuldtidsledige / befolkning, 1) | take 3",
      "select kommune, aar, round(100.0::double * fuldtidsledige / befolkning, 1) pct from kp order by rn limit 3")
entry("function:abs",
      "kommunepanel | extend d = abs(change(befolkning) over kommune order by aar) | select kommune, aar, d | take 3",
      "select kommune, aar, abs(befolkning - lag(befolkning) over (partition by kommune order by aar, rn)) d "
      "from kp order by rn limit 3")
entry("function:floor", "kommunepanel | select kommune, aar, k = floor(befolkning / 1000.0) | take 3",
      "select kommune, aar, floor(befolkning / 1000.0::double)::bigint k from kp order by rn limit 3")
entry("function:ceil", "kommunepanel | select kommune, aar, k = ceil(befolkning / 1000.0) | take 3",
      "select kommune, aar, ceil(befolkning / 1000.0::double)::bigint k from kp order by rn limit 3")
entry("function:ln", "kommunepanel | select kommune, aar, l = round(ln(befolkning), 3) | take 3",
      "select kommune, aar, round(ln(befolkning), 3) l from kp order by rn limit 3")
entry("function:sqrt", "kommunepanel | select kommune, aar, s = round(sqrt(befolkning), 1) | take 3",
      "select kommune, aar, round(sqrt(befolkning), 1) s from kp order by rn limit 3")
entry("function:lower", "kommuner | select k = lower(kommune) | take 3", "select lower(kommune) k from k order by rn limit 3")
entry("function:upper", "kommuner | select k = upper(kommune) | take 3", "select upper(kommune) k from k order by rn limit 3")
entry("function:contains", 'kommuner | where contains(kommune, "borg") | select kommune',
      "select kommune from k where contains(kommune, 'borg') order by rn")
entry("function:startswith", 'kommuner | where startswith(kommune, "Fre") | select kommune',
      "select kommune from k where starts_with(kommune, 'Fre') order by rn")
entry("function:endswith", 'kommuner | where endswith(kommune, "sund") | select kommune',
      "select kommune from k where ends_with(kommune, 'sund') order by rn")
entry("function:length", "kommuner | top 3 by length(kommune) | select kommune",
      "select kommune from k order by length(kommune) desc, rn limit 3")
entry("function:year", "kommunepanel | select aar, y = year(period(aar)) | take 2",
      "select aar, aar y from kp order by rn limit 2")
# By hand: 2008K3 is the third quarter, 2008-09 the ninth month, 2008W12 ISO week 12.
entry("function:quarter", "kommuner | select q = quarter(2008K3) | take 1", literal="q\n3")
entry("function:week", "kommuner | select w = week(2008W12) | take 1", literal="w\n12")
entry("function:period", "kommunepanel | select p = period(aar), forrige = period(aar) - 1 | take 2",
      "select aar p, aar - 1 forrige from kp order by rn limit 2")
entry("function:string", "kommuner | select s = string(kommunekode) | take 2",
      "select kommunekode::varchar s from k order by rn limit 2")
entry("function:int", "kommuner | select k = int(kommunekode_4) | take 2",
      "select kommunekode_4::bigint k from k order by rn limit 2")
entry("function:double", "kommuner | select k = double(kommunekode) | take 2",
      "select kommunekode::double k from k order by rn limit 2")
entry("function:if", 'kommuner | select kommune, gruppe = if(vip2, "metode", "øvrige") | take 3',
      "select kommune, case when vip2 then 'metode' else 'øvrige' end gruppe from k order by rn limit 3")
entry("function:coalesce",
      "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select aar, f = forrige ?? 0 | take 2",
      "select aar, coalesce(lag(befolkning) over (partition by kommune order by aar, rn), 0) f from kp order by rn limit 2")
entry("function:pow",
      "kommuner | select kommune, areal_km2, kvadrat = round(pow(areal_km2, 2), 1), rod = round(pow(areal_km2, 0.5), 3) | take 2",
      "select kommune, areal_km2, round(pow(areal_km2, 2), 1) kvadrat, round(pow(areal_km2, 0.5), 3) rod "
      "from k order by rn limit 2")
entry("function:exp", "kommuner | select kommune, e = round(exp(areal_km2 / 100), 4) | take 2",
      "select kommune, round(exp(areal_km2 / 100), 4) e from k order by rn limit 2")
entry("function:concat", 'kommuner | select navn = concat(kommune, " (", kommunekode, ")") | take 2',
      "select concat(kommune, ' (', kommunekode, ')') navn from k order by rn limit 2")
entry("function:substr", "kommuner | select kommune, kort = substr(kommune, 1, 3), slut = substr(kommune, -3) | take 2",
      "select kommune, substring(kommune, 1, 3) kort, substring(kommune, -3) slut from k order by rn limit 2")
entry("function:replace", 'kommuner | select r = replace(region, "Region ", "") | distinct r',
      "select replace(region, 'Region ', '') r from k group by r order by min(rn)")
entry("function:trim", 'kommuner | select t = trim("  " + kommune + " ") | take 2',
      "select trim('  ' || kommune || ' ') t from k order by rn limit 2")
entry("function:greatest", "kommunepanel | select aar, g = greatest(fuldtidsledige, kontanthjaelp_jan) | take 2",
      "select aar, greatest(fuldtidsledige, kontanthjaelp_jan) g from kp order by rn limit 2")
entry("function:least", "kommunepanel | select aar, l = least(fuldtidsledige, kontanthjaelp_jan, 20000) | take 2",
      "select aar, least(fuldtidsledige, kontanthjaelp_jan, 20000) l from kp order by rn limit 2")

# ---- aggregates ----
entry("aggregate:count", "kommuner | summarize n = count() by region",
      "select region, count(*) n from k group by region order by min(rn)")
entry("aggregate:count_distinct", "kommunepanel | summarize kommuner = count_distinct(kommune) by region",
      "select region, count(distinct kommune) kommuner from kp group by region order by min(rn)")
entry("aggregate:sum", "kommunepanel | summarize indbyggere = sum(befolkning) by aar | take 3",
      "select aar, sum(befolkning)::bigint indbyggere from kp group by aar order by min(rn) limit 3")
entry("aggregate:avg", "kommunepanel | where aar == 2022 | summarize gennemsnit = round(avg(befolkning), 1) by region",
      "select region, round(avg(befolkning), 1) gennemsnit from kp where aar = 2022 group by region order by min(rn)")
entry("aggregate:min", "kommunepanel | summarize fra = min(aar), til = max(aar)",
      "select min(aar) fra, max(aar) til from kp")
entry("aggregate:max", "kommunepanel | summarize største = max(befolkning) by region",
      "select region, max(befolkning) \"største\" from kp group by region order by min(rn)")
entry("aggregate:median", "kommunepanel | where aar == 2022 | summarize median = median(befolkning) by region",
      "select region, median(befolkning)::double median from kp where aar = 2022 group by region order by min(rn)")
entry("aggregate:percentile", "kommunepanel | where aar == 2022 | summarize p90 = percentile(befolkning, 90)",
      "select quantile_cont(befolkning, 0.9) p90 from kp where aar = 2022")
entry("aggregate:stdev", "kommunepanel | where aar == 2022 | summarize sd = round(stdev(befolkning), 1) by region",
      "select region, round(stddev_samp(befolkning), 1) sd from kp where aar = 2022 group by region order by min(rn)")
entry("aggregate:first", "kommunepanel | summarize første = first(befolkning) by kommune | take 3",
      "select kommune, first(befolkning order by rn) \"første\" from kp group by kommune order by min(rn) limit 3")
entry("aggregate:last", "kommunepanel | summarize seneste = last(befolkning) by kommune | take 3",
      "select kommune, last(befolkning order by rn) seneste from kp group by kommune order by min(rn) limit 3")
entry("aggregate:count_if",
      "kommunepanel | where aar == 2022 | summarize store = count_if(befolkning > 100000), metode = sum(vip2) by region",
      "select region, count_if(befolkning > 100000) store, sum(vip2::int)::bigint metode from kp where aar = 2022 "
      "group by region order by min(rn)")
entry("aggregate:corr",
      "kommunepanel | where aar == 2022 | summarize r = round(corr(befolkning, fuldtidsledige), 4) by region",
      "select region, round(corr(befolkning, fuldtidsledige), 4) r from kp where aar = 2022 group by region order by min(rn)")
entry("aggregate:arg_max",
      "kommunepanel | where aar == 2022 | summarize størst = arg_max(kommune, befolkning) by region",
      "select region, first(kommune order by befolkning desc, rn) \"størst\" from kp where aar = 2022 "
      "group by region order by min(rn)")
entry("aggregate:arg_min",
      "kommunepanel | where aar == 2022 | summarize mindst = arg_min(kommune, befolkning) by region",
      "select region, first(kommune order by befolkning, rn) mindst from kp where aar = 2022 "
      "group by region order by min(rn)")

# ---- window functions ----
W = "partition by kommune order by aar, rn"
entry("window function:prev",
      "kommunepanel | extend forrige = prev(befolkning) over kommune order by aar | select kommune, aar, forrige | take 3",
      f"select kommune, aar, lag(befolkning) over ({W}) forrige from kp order by rn limit 3")
entry("window function:next",
      "kommunepanel | extend næste = next(befolkning) over kommune order by aar | select kommune, aar, næste | take 3",
      f"select kommune, aar, lead(befolkning) over ({W}) \"næste\" from kp order by rn limit 3")
entry("window function:lag",
      "kommunepanel | extend før = lag(befolkning, 2) over kommune order by aar | select kommune, aar, før | take 3",
      f"select kommune, aar, lag(befolkning, 2) over ({W}) \"før\" from kp order by rn limit 3")
entry("window function:lead",
      "kommunepanel | extend efter = lead(befolkning) over kommune order by aar | select kommune, aar, efter | take 3",
      f"select kommune, aar, lead(befolkning) over ({W}) efter from kp order by rn limit 3")
entry("window function:rank",
      "kommunepanel | where aar == 2022 | extend r = rank() over region order by befolkning desc | where r <= 2 | select region, kommune, r | take 4",
      "select region, kommune, r from (select *, rank() over (partition by region order by befolkning desc) r "
      "from kp where aar = 2022) where r <= 2 order by rn limit 4")
entry("window function:dense_rank",
      "kommuner | extend r = dense_rank() order by region | distinct region, r",
      "select region, r from (select rn, region, dense_rank() over (order by dk(region)) r from k) "
      "group by region, r order by min(rn)")
entry("window function:percent_rank",
      "kommunepanel | where aar == 2022 | extend pr = round(percent_rank() order by befolkning, 3) | top 3 by pr | select kommune, pr",
      "select kommune, pr from (select *, round(percent_rank() over (order by befolkning), 3) pr from kp where aar = 2022) "
      "order by pr desc, rn limit 3")
entry("window function:row_number",
      "kommunepanel | extend n = row_number() over kommune order by aar | select kommune, aar, n | take 3",
      f"select kommune, aar, row_number() over ({W}) n from kp order by rn limit 3")
entry("window function:ntile",
      "kommunepanel | where aar == 2022 | extend kvartil = ntile(4) order by befolkning | summarize n = count(), fra = min(befolkning), til = max(befolkning) by kvartil | sort by kvartil",
      "select kvartil, count(*) n, min(befolkning) fra, max(befolkning) til from (select *, "
      "ntile(4) over (order by befolkning, rn) kvartil from kp where aar = 2022) group by kvartil order by kvartil")
entry("window function:running_sum",
      'kommunepanel | where kommune == "Aarhus" | extend total = running_sum(fuldtidsledige) order by aar | select aar, fuldtidsledige, total | take 3',
      "select aar, fuldtidsledige, sum(fuldtidsledige) over (order by aar, rn rows unbounded preceding)::bigint total "
      "from kp where kommune = 'Aarhus' order by rn limit 3")
entry("window function:share",
      "kommunepanel | where aar == 2022 | extend andel = round(100 * share(befolkning) over region, 2) | select kommune, andel | take 3",
      "select kommune, round(100 * befolkning / sum(befolkning) over (partition by region), 2) andel "
      "from kp where aar = 2022 order by rn limit 3")
entry("window function:change",
      "kommunepanel | extend ændring = change(fuldtidsledige) over kommune order by aar | select kommune, aar, ændring | take 3",
      f"select kommune, aar, fuldtidsledige - lag(fuldtidsledige) over ({W}) \"ændring\" from kp order by rn limit 3")

# Weekly inflow to kontanthjælp from forloeb (spells by start week; 2007W01 holds the spells already
# running when the data begin, so the moving average and the profile start at 2007W02).
KH = f"""with f as (select * from read_csv('{data}/forloeb.csv', all_varchar = true)),
  t as (select start_uge u, count(*) n, substr(start_uge, 1, 4)::int y, substr(start_uge, 6, 2)::int w
        from f where status = 'kontanthjælp' {{}} group by start_uge)"""
# yoy by lookup of the same ISO week number a year earlier (not a frame, as Trappe's SQL twin uses).
entry("window function:yoy",
      'forloeb | where status == "kontanthjælp" | summarize tilgang = count() by start_uge | extend ændring = yoy(tilgang) order by start_uge | where start_uge >= 2009W01 | sort by start_uge | take 3',
      KH.format("") + """ select a.u start_uge, a.n tilgang, a.n - b.n "ændring" from t a
        left join t b on b.y = a.y - 1 and b.w = a.w where a.u >= '2009W01' order by a.u limit 3""")
entry("window function:moving_avg",
      'forloeb | where status == "kontanthjælp" and start_uge >= 2007W02 | summarize tilgang = count() by start_uge | extend snit4 = round(moving_avg(tilgang, 4) order by start_uge, 1) | sort by start_uge | take 5',
      KH.format("and start_uge >= '2007W02'") + """ select u start_uge, n tilgang,
        case when count(*) over v = 4 then round(avg(n) over v, 1) end snit4 from t
        window v as (order by u rows 3 preceding) order by u limit 5""")

# A seasonal profile: weekly inflow averaged by the month of each week's Thursday (ISO 8601).
entry("function:month",
      'forloeb | where status == "kontanthjælp" and start_uge >= 2007W02 | summarize tilgang = count(), uger = count_distinct(start_uge) by m = month(start_uge) | extend pr_uge = round(tilgang / uger, 1) | sort by m',
      KH.format("and start_uge >= '2007W02'") + """, d as (select n, u,
          make_date(y, 1, 4) - (isodow(make_date(y, 1, 4)) - 1)::int + 7 * (w - 1) + 3 thursday from t)
        select month(thursday)::bigint m, sum(n)::bigint tilgang, count(*)::bigint uger,
          round(sum(n) / count(*), 1) pr_uge from d group by m order by m""")

# ---- analyses (illustrative data: resultater, forloeb) ----
# bench: as Tests/analyses/check_with_duckdb.py (peers = the other municipalities of Slagelse's region,
# pooled: 100 * sum(startet) / sum(personer); ranks = 1 + the municipalities with a higher value).
entry("analysis:bench",
      "bench i_gang for Slagelse against region by runde | select runde, value = round(value, 2), "
      "peer_value = round(peer_value, 2), rank_peers, rank_national",
      """with t as (select kommune, runde, sum(startet)::double n, sum(personer)::double d from r group by all),
      v as (select *, 100 * n / d val from t),
      reg as (select kommune from k where region = (select region from k where kommune = 'Slagelse')),
      per as (select runde, max(val) filter (where kommune = 'Slagelse') val,
        100 * sum(n) filter (where kommune in (select kommune from reg) and kommune <> 'Slagelse')
            / sum(d) filter (where kommune in (select kommune from reg) and kommune <> 'Slagelse') peer
        from v group by runde)
      select runde, round(val, 2) value, round(peer, 2) peer_value,
        1 + (select count(*) from v where v.runde = p.runde and v.val > p.val and v.kommune in (select kommune from reg))
          rank_peers,
        1 + (select count(*) from v where v.runde = p.runde and v.val > p.val) rank_national
      from per p order by runde""")
# peers: z-scores (sample sd) over the 2007 rows of kommunepanel of befolkning, 100 * fuldtidsledige / befolkning
# and 100 * kontanthjaelp_jan / befolkning; Euclidean distance; nearest first, ties by name.
entry("analysis:peers", "peers Slagelse k=3 | select rank, kommune, distance = round(distance, 3)",
      """with v as (select kommune, befolkning::double a, 100.0 * fuldtidsledige / befolkning b,
                 100.0 * kontanthjaelp_jan / befolkning c from kp where aar = 2007),
      z as (select kommune, (a - avg(a) over ()) / stddev_samp(a) over () a, (b - avg(b) over ()) / stddev_samp(b) over () b,
                   (c - avg(c) over ()) / stddev_samp(c) over () c from v),
      d as (select z.kommune, sqrt((z.a - s.a) ^ 2 + (z.b - s.b) ^ 2 + (z.c - s.c) ^ 2) distance
            from z, (select * from z where kommune = 'Slagelse') s where z.kommune <> 'Slagelse')
      select row_number() over (order by distance, kommune) rank, kommune, round(distance, 3) distance
      from d order by distance, kommune limit 3""")
# decompose: as check_with_duckdb.py: share and rate by herkomst for Slagelse and for the rest of its region
# (round 5); composition = (share - peer share) * peer rate, rate_part = share * (rate - peer rate); the total
# row has the overall rates and the sums of the parts.
entry("analysis:decompose",
      "resultater | where runde == 5 | decompose i_gang for Slagelse against region by herkomst | "
      "select herkomst, share = round(share, 1), rate = round(rate, 2), composition = round(composition, 3), "
      "rate_part = round(rate_part, 3)",
      """with reg as (select kommune from k where region = (select region from k where kommune = 'Slagelse')
                   and kommune <> 'Slagelse'),
      own as (select herkomst, sum(startet)::double n, sum(personer)::double d from r
              where runde = 5 and kommune = 'Slagelse' group by all),
      peer as (select herkomst, sum(startet)::double n, sum(personer)::double d from r
               where runde = 5 and kommune in (select kommune from reg) group by all),
      j as (select o.herkomst, o.d / sum(o.d) over () p, 100 * o.n / o.d r_, q.d / sum(q.d) over () big_p,
                   100 * q.n / q.d big_r from own o join peer q using (herkomst)),
      parts as (select herkomst, 100 * p share, r_ rate, (p - big_p) * big_r composition, p * (r_ - big_r) rate_part
                from j)
      select herkomst, round(share, 1) share, round(rate, 2) rate, round(composition, 3) composition,
             round(rate_part, 3) rate_part from (
        select * from parts
        union all
        select 'total', 100.0, (select 100 * sum(n) / sum(d) from own), sum(composition), sum(rate_part) from parts)
      order by herkomst = 'total', herkomst""")
# gap: as check_gap_with_duckdb.py, on kontanthjælp rows only: value = 100 * sum(startet) / sum(personer),
# threshold from maal.csv, short = ceil(threshold * den / 100 - num), pace = value - previous round's value,
# rounds_to_target = ceil((threshold - value) / pace) when pace > 0; trend approaching / moving away / flat.
entry("analysis:gap", 'resultater | where ydelse == "kontanthjælp" | gap i_gang for Slagelse by runde',
      f"""with m as (select taerskel from read_csv_auto('{data}/maal.csv') where maal_id = 'i_gang'),
      t as (select runde, sum(startet)::double num, sum(personer)::double den from r
            where ydelse = 'kontanthjælp' and kommune = 'Slagelse' group by runde),
      v as (select runde, 100.0 * num / den value, num, den, value - lag(value) over (order by runde) pace,
                   (select taerskel from m)::double thr from t)
      select 'Slagelse' kommune, runde, 'i_gang' maal, round(value, 2) value, thr threshold,
        round(value - thr, 2) gap_pp, value >= thr met,
        case when value >= thr then 0 else ceil(thr * den / 100.0 - num) end::bigint short,
        case when value < thr and pace > 0 then ceil((thr - value) / pace) end::bigint rounds_to_target,
        case when value >= thr then 'met' when pace is null then null when pace > 0 then 'approaching'
             when pace < 0 then 'moving away' else 'flat' end trend
      from v order by runde""")


def flow_sql():
    """flow from 1 to 5: each person's status in the last ISO week (its Thursday in the month) of the
    round's data_til month (runder.csv), 'ikke i data' without a spell then; as
    Tests/analyses/check_flow_with_duckdb.py."""
    import datetime
    rounds = {row["runde"]: row["data_til"] for row in csv.DictReader(open(f"{data}/runder.csv", encoding="utf-8"))}

    def week(month):
        y, m = (int(x) for x in month.split("-"))
        day = datetime.date(y + (m == 12), m % 12 + 1, 1) - datetime.timedelta(days=1)
        while day.isoweekday() != 4:
            day -= datetime.timedelta(days=1)
        iso = day.isocalendar()
        return f"{iso[0]}W{iso[1]:02d}"

    a, b = week(rounds["1"]), week(rounds["5"])
    return f"""with f as (select * from read_csv('{data}/forloeb.csv', all_varchar = true)),
      obs as (select max(greatest(start_uge, coalesce(slut_uge, start_uge))) as last from f),
      p as (select distinct person from f),
      s as (select p.person,
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{a}'
                    and coalesce(slut_uge, obs.last) >= '{a}'), 'ikke i data') as from_status,
          coalesce((select status from f, obs where f.person = p.person and start_uge <= '{b}'
                    and coalesce(slut_uge, obs.last) >= '{b}'), 'ikke i data') as to_status from p),
      c as (select from_status, to_status, count(*) persons,
              round(100.0 * count(*) / sum(count(*)) over (partition by from_status), 1) row_pct from s group by 1, 2)
      select * from c where from_status = 'kontanthjælp' order by persons desc limit 3"""


entry("analysis:flow", 'flow from 1 to 5 | where from_status == "kontanthjælp" | top 3 by persons', flow_sql())


def survival_literal():
    """Kaplan-Meier by herkomst in plain Python, as check_flow_with_duckdb.py: spells of kontanthjælp,
    duration in weeks (end - start + 1; a running spell is censored at 2009W26, the end of the
    observation window in Datasets/forloeb.manifest's period); the row for week 26
    of 13-week intervals: at_risk = spells lasting more than 13 weeks, events = exits in weeks 14-26,
    still_on_pct = 100 * S(26) to one decimal."""
    import datetime
    benefits = {"kontanthjælp"}

    def ordinal(text):
        y, w = text.split("W")
        return datetime.date.fromisocalendar(int(y), int(w), 1).toordinal() // 7

    rows = list(csv.DictReader(open(f"{data}/forloeb.csv", encoding="utf-8")))
    period = next(line for line in open(f"{data}/forloeb.manifest", encoding="utf-8") if line.startswith("period:"))
    last = ordinal(period.split("–")[1].split()[0])
    out = ["herkomst,week,at_risk,events,still_on_pct"]
    for group in sorted({r["herkomst"] for r in rows}):
        exits, censored, durations = {}, {}, []
        for r in rows:
            if r["status"] not in benefits or r["herkomst"] != group:
                continue
            start = ordinal(r["start_uge"])
            if r["slut_uge"]:
                d = ordinal(r["slut_uge"]) - start + 1
                exits[d] = exits.get(d, 0) + 1
            else:
                d = last - start + 1
                censored[d] = censored.get(d, 0) + 1
            durations.append(d)
        at_risk, s = len(durations), 1.0
        for t in range(1, 27):
            if at_risk > 0:
                s *= 1 - exits.get(t, 0) / at_risk
            at_risk -= exits.get(t, 0) + censored.get(t, 0)
        beyond13 = sum(1 for d in durations if d > 13)
        events = sum(exits.get(t, 0) for t in range(14, 27))
        pct = decimal.Decimal(repr(100 * s)).quantize(decimal.Decimal("0.1"), rounding=decimal.ROUND_HALF_UP)
        out.append(f"{group},26,{beyond13},{events},{pct}")
    return "\n".join(out)


entry("analysis:survival",
      "survival for kontanthjælp by herkomst weeks 13 | where week == 26 | select herkomst, week, at_risk, events, still_on_pct",
      literal=survival_literal())

# expected: with region as the only variable, the 0/1 columns span the five regions, so the WLS fit is
# each region's weighted mean: expected = sum(share * population 16-66) / sum(population 16-66) over the
# region; rank 1 = the lowest actual - expected (y30_andel is better lower). Ties keep the input order
# (the CSV's row order, rn).
entry("analysis:expected",
      'jobindsats_y30r21 | where periode == "2022QMAT04" and ydelsesgruppe == "Kontanthjælp mv." | join (kommuner | '
      'select kommune, region) on kommune | expected y30_andel on (region) | sort by rank | select kommune, '
      'actual = round(actual, 2), expected = round(expected, 3), diff = round(diff, 3), rank | take 3',
      f"""with y as (
            select row_number() over () rn, kommune, periode, ydelsesgruppe, faktisk_andel_pct::double a,
                   befolkning_16_66::double p
            from read_csv('{data}/jobindsats_y30r21.csv', header = true, all_varchar = true)),
          e as (
            select y.rn, y.kommune, y.a, sum(y.a * y.p) over (partition by k.region) / sum(y.p) over (partition by k.region) ex
            from y join k using (kommune)
            where y.periode = '2022QMAT04' and y.ydelsesgruppe = 'Kontanthjælp mv.')
        select kommune, round(a, 2) actual, round(ex, 3) expected, round(a - ex, 3) diff,
               (1 + (select count(*) from e e2 where e2.a - e2.ex < e.a - e.ex))::bigint rank
        from e order by rank, rn limit 3""")

# ---- the opening pipeline of docs/language.md (checked by LanguageReferenceTests.proseExamples) ----
entry("prose:pipeline",
      "kommunepanel | where aar == 2008 | summarize ledige = sum(fuldtidsledige), indbyggere = sum(befolkning) by region"
      " | extend andel = round(100.0 * ledige / indbyggere, 2) | top 3 by andel",
      "select region, ledige, indbyggere, andel from (select region, min(rn) first, sum(fuldtidsledige)::bigint ledige, "
      "sum(befolkning)::bigint indbyggere, round(100.0::double * sum(fuldtidsledige) / sum(befolkning), 2) andel "
      "from kp where aar = 2008 group by region) order by andel desc, first limit 3")


def results(keys=None):
    for key, (example, sql, literal) in E.items():
        if keys and key not in keys and key.split(":")[1] not in keys:
            continue
        yield key, example, (table(sql) if sql else literal)


def documented():
    """The (kind:name) -> (example, result) pairs of docs/language.md."""
    text = open(os.path.join(root, "docs/language.md"), encoding="utf-8").read()
    found = {}
    kinds = {"Stages": "stage", "Analyses": "analysis", "Functions": "function", "Aggregates": "aggregate",
             "Window functions": "window function"}
    kind = None
    for block in re.split(r"\n(?=## |### )", text):
        head = block.split("\n", 1)[0]
        if head.startswith("## "):
            kind = kinds.get(head[3:].strip())
            continue
        if not head.startswith("### ") or kind is None:
            continue
        name = head[4:].strip()
        fences = re.findall(r"```[a-z]*\n(.*?)\n```", block, re.S)
        if fences:
            found[f"{kind}:{name}"] = (fences[0], fences[1] if len(fences) > 1 else None)
    return found


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--check"]:
        docs = documented()
        for key, example, result in results():
            if key not in docs:
                continue
            doc_example, doc_result = docs[key]
            check(key, doc_example == example and doc_result == result,
                  f"differs\n  docs:   {doc_example!r}\n          {doc_result!r}\n"
                  f"  here:   {example!r}\n          {result!r}")
        finish(lambda passed, failed: f"{len(E)} entries, {passed} as in docs/language.md, {failed} different")
    for key, example, result in results(set(args)):
        print(f"== {key}\n{example}\n--\n{result}\n")
