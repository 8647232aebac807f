#!/usr/bin/env python3
"""Long-session soak test: thousands of mixed commands in ONE interactive trappe process.

The driver runs trappe on a pseudo-terminal (as a user's terminal would), types loads,
queries, lets, drops, saves and charts, and sends SIGINT to the process at random points
during long commands. After every command it types `.echo MARK-n` and waits for that line,
so it knows the command finished and that no output was lost. It checks:

- every marker arrives, in order (no output lost, no command swallowed);
- the catalog stays consistent: `.tables` lists exactly the datasets plus the tables the
  driver's own bookkeeping says exist (a `let` or `.load` stopped by Ctrl-C creates nothing,
  `.drop` removes);
- a `.save` stopped by Ctrl-C leaves the previous file and no temporary file;
- resident memory (VmRSS from /proc/PID/status) stays under --max-rss-mb and does not keep
  growing: the highest sample in the last third of the run is at most 1.5 x the highest in
  the first third plus 300 MB;
- the process answers `.quit` with exit status 0 at the end.

Usage: Tests/soak/soak.py PATH/TO/trappe [--minutes 2] [--seed N] [--max-rss-mb 4000]
Scripts/test runs it for 2 minutes with a fixed seed; run it longer by hand with --minutes.
On failure it prints the seed, the last commands and a command line that repeats the run.
Standard library only.
"""

import argparse
import os
import pty
import random
import re
import select
import signal
import sys
import tempfile
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\r")
PROMPT = "trappe> "

# Quick queries over the built-in datasets: each one must answer without an error.
QUERIES = [
    "kommuner | summarize n = count(), a = sum(areal_km2) by region",
    "kommuner | sort by areal_km2 desc | take 5",
    "forloeb | summarize n = count() by kommune, koen | sort by n desc | take 10",
    "forloeb | where status == \"a-dagpenge\" | count",
    "forloeb | distinct kommune, herkomst | count",
    "forloeb | top 5 by start_uge desc",
    "kommunepanel | extend r = running_sum(fuldtidsledige) over kommune order by aar | take 5",
    "kommunepanel | pivot aar values sum(fuldtidsledige) by region | take 5",
    "forloeb | join (kommuner | select kommunekode, region) on kommunekode | summarize n = count() by region",
    "befolkning | summarize b = sum(befolkning) by aar | sort by aar",
    "resultater | summarize s = sum(startet) by runde",
    "kommuner | select kommune, areal_km2 | chart bar rows=20",
    "kommunepanel | where vip2 | chart sparkline x=aar y=fuldtidsledige series=kommune",
    "kommunepanel | where aar == 2022 | extend pct = 100.0 * fuldtidsledige / befolkning | select pct | chart histogram bins=8",
    "bench i_gang by runde | chart line x=runde y=value series=kommune",
]

# Long commands that Ctrl-C stops (or that finish first when the signal comes late).
# {big} is a table of about 3 million rows made at the start.
LONG = [
    "forloeb | join (forloeb | take 300 | select koen, p2 = person) on koen | summarize n = count() by koen",
    "{big} | sort by p2 desc, person | take 3",
    "{big} | summarize n = count() by person, p2 | count",
    "{big} | distinct person, p2 | count",
    "{big} | chart bar x=person y=p2 rows=3000000",
    "{big} | extend r = running_sum(p2) over koen order by person | take 3",
]


class Failure(Exception):
    pass


class Shell:
    """trappe on a pseudo-terminal: type lines, read the screen's text."""

    def __init__(self, binary, workdir):
        env = dict(os.environ)
        env.update(HOME=os.path.join(workdir, "home"), XDG_STATE_HOME=os.path.join(workdir, "state"),
                   XDG_CACHE_HOME=os.path.join(workdir, "cache"), NO_COLOR="1", TERM="xterm", COLUMNS="100")
        os.makedirs(env["HOME"], exist_ok=True)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.chdir(workdir)
            os.execve(binary, [binary], env)
        self.text = ""  # everything read so far, escapes and CRs removed
        self.raw_tail = b""

    def pump(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:
            raise Failure("trappe's terminal closed (the process ended)")
        data = self.raw_tail + data
        # Keep an incomplete escape sequence at the end for the next read.
        cut = data.rfind(b"\x1b")
        if cut >= 0 and len(data) - cut < 8 and not ANSI.match(data, cut):
            self.raw_tail, data = data[cut:], data[:cut]
        else:
            self.raw_tail = b""
        self.text += ANSI.sub(b"", data).decode("utf-8", errors="replace")

    def wait_for(self, pattern, start, timeout):
        """Waits until `pattern` (a regex) matches the text after `start`; returns the match."""
        regex = re.compile(pattern, re.M)
        deadline = time.time() + timeout
        while True:
            m = regex.search(self.text, start)
            if m:
                return m
            if time.time() > deadline:
                raise Failure(f"timed out after {timeout} s waiting for {pattern!r}")
            self.pump(min(0.05, max(0.0, deadline - time.time())))

    def type(self, line):
        os.write(self.fd, line.encode() + b"\n")

    def rss_mb(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0


class Soak:
    def __init__(self, args, workdir):
        self.args = args
        self.work = workdir
        self.rng = random.Random(args.seed)
        self.shell = Shell(args.binary, workdir)
        self.marker = 0
        self.history = []  # (command, outcome) of the last commands, for the failure report
        self.kept = set()  # tables that must exist (lets and loads)
        self.datasets = set()
        self.rss = []  # (time, MB)
        self.counts = {}
        self.interrupts = 0
        self.interrupted = 0
        self.garbled = 0  # .tables listings that disagreed while every table checked out

    # One command, then its marker; returns the command's output text.
    def run(self, command, interrupt_after=None, timeout=600):
        start = len(self.shell.text)
        self.shell.type(command)
        if interrupt_after is not None:
            time.sleep(interrupt_after)
            os.kill(self.shell.pid, signal.SIGINT)
            self.interrupts += 1
            # A Ctrl-C that lands at the prompt abandons the line being typed: let it settle.
            time.sleep(0.3)
            # Give the shell time to stop and print its prompt before the marker is typed, so the
            # marker cannot be typed into a line that the same Ctrl-C abandons.
            self.shell.wait_for(r"^" + re.escape(PROMPT) + r"$|^" + re.escape(PROMPT) + r"\Z", start, timeout)
        self.marker += 1
        mark = f"MARK-{self.marker}"
        self.shell.type(f".echo {mark}")
        m = self.shell.wait_for(r"^" + mark + r"$", start, timeout)
        output = self.shell.text[start:m.start()]
        # Markers arrive in order: the previous one must not appear after this command started.
        if f"MARK-{self.marker - 1}\n" in output and self.marker > 1:
            raise Failure(f"marker MARK-{self.marker - 1} arrived after command {command!r} started")
        if "interrupted" in output:
            self.interrupted += 1
        self.history.append((command, output.strip()[-300:]))
        self.history = self.history[-12:]
        return output

    def expect_ok(self, command, output):
        if re.search(r"^error", output, re.M):
            raise Failure(f"{command!r} failed:\n{output.strip()[-800:]}")

    def tables(self):
        output = self.run(".tables")
        return set(re.findall(r"^│ (\S+)\s+│\s+\d+ │", output, re.M))

    def check_catalog(self):
        found = self.tables() - self.datasets
        if found == self.kept:
            return
        # A name on one side only: ask for the table itself, the authoritative answer (a line of
        # the .tables box read from the terminal can arrive garbled).
        for name in sorted(found ^ self.kept):
            output = self.run(f"{name} | count")
            exists = not re.search(r"^error", output, re.M)
            if exists != (name in self.kept):
                raise Failure(f"table {name} {'exists' if exists else 'does not exist'}, but the driver expects "
                              f"{'it' if name in self.kept else 'no such table'}; .tables lists {sorted(found)}, "
                              f"the driver expects {sorted(self.kept)}")
        self.garbled += 1

    def sample(self):
        self.rss.append((time.time(), self.shell.rss_mb()))
        if self.rss[-1][1] > self.args.max_rss_mb:
            raise Failure(f"resident memory {self.rss[-1][1]:.0f} MB is over {self.args.max_rss_mb} MB")

    def step(self, n):
        rng = self.rng
        kind = rng.choices(
            ["query", "let", "drop", "load", "save", "chart", "interrupt", "interrupt_let", "interrupt_save"],
            weights=[30, 12, 6, 5, 5, 6, 8, 3, 3])[0]
        self.counts[kind] = self.counts.get(kind, 0) + 1
        if kind == "query" or kind == "chart":
            pool = QUERIES if kind == "query" else [q for q in QUERIES if "chart" in q]
            command = rng.choice(pool)
            self.expect_ok(command, self.run(command))
        elif kind == "let":
            name = f"t{n}"
            command = f"let {name} = {rng.choice([q for q in QUERIES if 'chart' not in q])}"
            output = self.run(command)
            self.expect_ok(command, output)
            if not re.search(rf"^created {name}:", output, re.M):
                raise Failure(f"{command!r} did not say 'created {name}':\n{output[-800:]!r}")
            self.kept.add(name)
        elif kind == "drop":
            if not self.kept - {"big"}:
                return
            name = rng.choice(sorted(self.kept - {"big"}))
            output = self.run(f".drop {name}")
            self.expect_ok(f".drop {name}", output)
            if not re.search(rf"^dropped {name}$", output, re.M):
                raise Failure(f".drop {name} did not say 'dropped {name}':\n{output[-800:]!r}")
            self.kept.discard(name)
        elif kind == "load":
            name = f"l{n}"
            output = self.run(f".load small.csv as {name}")
            self.expect_ok(".load", output)
            if not re.search(rf"^loaded {name}:", output, re.M):
                raise Failure(f".load small.csv as {name} did not say 'loaded {name}':\n{output[-800:]!r}")
            self.kept.add(name)
        elif kind == "save":
            name = rng.choice(sorted(self.kept - {"big"}) or ["kommuner"])
            target = f"saved{n % 7}.csv"
            output = self.run(f".save {name} {target}")
            self.expect_ok(".save", output)
            if not os.path.exists(os.path.join(self.work, target)):
                raise Failure(f".save {name} {target} reported no error but wrote no file")
        elif kind == "interrupt":
            command = rng.choice(LONG).format(big="big")
            self.run(command, interrupt_after=rng.uniform(0.0, 1.5))
        elif kind == "interrupt_let":
            name = f"i{n}"
            output = self.run(f"let {name} = forloeb | join (forloeb | take 30 | select koen, p2 = person) on koen",
                              interrupt_after=rng.uniform(0.0, 1.5))
            if re.search(rf"^created {name}:", output, re.M):
                self.kept.add(name)
            elif "interrupted" not in output:
                raise Failure(f"let {name} neither created the table nor said interrupted:\n{output[-600:]}")
        elif kind == "interrupt_save":
            target = os.path.join(self.work, "big_save.csv")
            with open(target, "w") as f:
                f.write("old\n")
            output = self.run(".save big big_save.csv", interrupt_after=rng.uniform(0.0, 1.0))
            with open(target) as f:
                head = f.readline()
            if "interrupted" in output and head != "old\n":
                raise Failure(f"an interrupted .save replaced the file (first line {head!r})")
            if "interrupted" not in output and not re.search(r"^saved \d+ rows", output, re.M):
                raise Failure(f".save neither saved nor said interrupted:\n{output[-600:]}")
            leftovers = [f for f in os.listdir(self.work) if "big_save" in f and f != "big_save.csv"]
            if leftovers:
                raise Failure(f"temporary files left by .save: {leftovers}")

    def main(self):
        shell = self.shell
        shell.wait_for(re.escape(PROMPT), 0, 60)
        with open(os.path.join(self.work, "small.csv"), "w") as f:
            f.write("id,navn,v\n" + "".join(f"{i},n{i % 13},{i * 0.5}\n" for i in range(500)))
        # The driver reads every line of output itself: no pager holding tall results (`.pager on`
        # is the default on a terminal, and this is one).
        self.expect_ok(".pager off", self.run(".pager off"))
        # .tables must list every table: a box shows 40 rows unless told otherwise.
        self.expect_ok(".maxrows all", self.run(".maxrows all"))
        self.datasets = self.tables()
        if "forloeb" not in self.datasets:
            raise Failure(f".tables does not list the datasets: {sorted(self.datasets)}")
        # About 3 million rows (94,967 x 21 + 107,046 x 9) for the long commands.
        output = self.run("let big = forloeb | join (forloeb | take 30 | select koen, p2 = person) on koen")
        self.expect_ok("let big", output)
        self.kept.add("big")
        self.sample()
        deadline = time.time() + self.args.minutes * 60
        n = 0
        while time.time() < deadline:
            n += 1
            self.step(n)
            if n % 10 == 0:
                self.sample()
            if n % 50 == 0:
                self.check_catalog()
        self.check_catalog()
        self.sample()
        # Memory must not keep growing: compare the last third of the samples with the first.
        third = max(1, len(self.rss) // 3)
        early = max(mb for _, mb in self.rss[:third])
        late = max(mb for _, mb in self.rss[-third:])
        if late > 1.5 * early + 300:
            raise Failure(f"resident memory grew from {early:.0f} MB (first third) to {late:.0f} MB (last third)")
        shell.type(".quit")
        deadline = time.time() + 30
        while True:
            pid, status = os.waitpid(shell.pid, os.WNOHANG)
            if pid:
                break
            if time.time() > deadline:
                raise Failure(".quit did not end the process")
            try:
                shell.pump(0.1)
            except Failure:
                time.sleep(0.05)
        if os.waitstatus_to_exitcode(status) != 0:
            raise Failure(f".quit ended the process with status {os.waitstatus_to_exitcode(status)}")
        print(f"PASS soak: {n} commands and {self.marker - n} checks in {self.args.minutes} min, seed {self.args.seed}; "
              f"{self.interrupts} Ctrl-C sent, {self.interrupted} commands interrupted; "
              f"RSS {min(mb for _, mb in self.rss):.0f}-{max(mb for _, mb in self.rss):.0f} MB "
              f"(first third max {early:.0f}, last third max {late:.0f}); tables kept {len(self.kept)}; "
              f"garbled .tables listings {self.garbled}; "
              f"commands {dict(sorted(self.counts.items()))}")
        return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--minutes", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--max-rss-mb", type=float, default=4000)
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    print(f"soak: seed {args.seed}, {args.minutes} min, {args.binary}", flush=True)
    with tempfile.TemporaryDirectory(prefix="trappe-soak-") as work:
        soak = Soak(args, work)
        try:
            return soak.main()
        except Failure as failure:
            print(f"FAIL soak: {failure}")
            print(f"  seed {args.seed}; last commands (newest last):")
            for command, outcome in soak.history:
                print(f"    > {command}\n      {outcome[-200:]!r}")
            if soak.rss:
                print(f"  RSS samples (MB): {[round(mb) for _, mb in soak.rss][-30:]}")
            print(f"  repeat: {sys.executable} {sys.argv[0]} {args.binary} --minutes {args.minutes} --seed {args.seed}")
            return 1
        finally:
            try:
                os.kill(soak.shell.pid, signal.SIGKILL)
            except OSError:
                pass


if __name__ == "__main__":
    sys.exit(main())
