#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Sweep runner for the Fig. 7 reproduction (the FPMIPv6 paper).

Runs build/handover-scenario over a grid of scheme x access x interfaces x
wrong prediction x MNs x background load x Tpred x seed, in --jobs parallel
`--batch` processes, and writes
  --raw  one row per run, handover and direction (the scenario's rows plus
         the interfaces and wrong_prediction of the run), and
  --out  the tidy CSV: per point mean and 95 % confidence interval over all
         runs x handovers (columns TIDY_COLUMNS), read by plotting/plot_fig7.py.

Both files start with provenance lines "# key: value" (this command line, the
scenario's version and ns-3's, the date); read them with pandas
read_csv(..., comment='#') or skip lines starting with '#'. Points with
different numbers of MNs, probed MNs, probe or background loads are never
averaged together: they are columns of the point.

The scheme and access names, and whether a scheme makes predictions, come
from the scenario itself (`handover-scenario --describe`), so a scheme
registered in C++ is known here at once.

Example (the paper's Fig. 7, 5 seeds x 10 handovers per point):
  python3 scenarios/sweep.py --schemes pmipv6,fpmipv6 --seeds 5 --handovers 10 \
      --raw results/fig7-raw.csv --out results/fig7.csv

Batch protocol of the scenario: stdin holds one run per line (its command
line options); stdout starts with one CSV header line, then per run its rows
followed by a line "#done". Lines starting with "#" are otherwise ignored.
"""

import argparse
import csv
import io
import itertools
import json
import math
import os
import shlex
import subprocess
import sys
import threading
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The columns of the scenario's rows that this script reads (the scenario
# prints more: `handover-scenario --describe` lists them all; the raw CSV
# keeps every one).
SCENARIO_COLUMNS = [
    "scheme", "access", "tpred_ms", "dho_l2_ms", "rtt_mag_lma_ms", "rtt_mag_mag_ms",
    "rtt_mag_ap_ms", "run", "handover", "direction", "latency_ms", "loss_period_ms",
    "lost_packets", "max_extra_delay_ms", "mns", "probed_mns", "packet_interval_ms",
    "packet_size", "background_interval_ms", "background_size", "background_direction",
    "channel_load",
]
# Options of a run that the scenario does not echo in its rows.
RUN_COLUMNS = ["interfaces", "wrong_prediction"]

# One tidy row per point: these columns identify it ...
POINT_COLUMNS = [
    "scheme", "access", "interfaces", "wrong_prediction", "tpred_ms", "dho_l2_ms",
    "rtt_mag_lma_ms", "rtt_mag_mag_ms", "rtt_mag_ap_ms", "mns", "probed_mns",
    "packet_interval_ms", "packet_size", "background_interval_ms", "background_size",
    "background_direction", "direction",
]
NUMERIC_POINT_COLUMNS = {"tpred_ms", "dho_l2_ms", "rtt_mag_lma_ms", "rtt_mag_mag_ms",
                         "rtt_mag_ap_ms", "interfaces", "mns", "probed_mns", "packet_interval_ms",
                         "packet_size", "background_interval_ms", "background_size"}
# ... and these summarise it (channel_load: the scenario's estimate for the
# point, the same for all its rows).
TIDY_COLUMNS = POINT_COLUMNS + [
    "channel_load", "n", "latency_mean_ms", "latency_ci95_ms", "loss_period_mean_ms", "loss_period_ci95_ms",
    "lost_packets_mean", "max_extra_delay_mean_ms", "max_extra_delay_ci95_ms",
]

MEASURED = "measured"

# The order of the schemes in the tidy CSV, when they are there; schemes
# the scenario registers beyond these follow in its order.
PREFERRED_SCHEME_ORDER = ["pmipv6", "fpmipv6", "pfmipv6-predictive", "pfmipv6-reactive"]


def describe(binary):
    """What the scenario offers (`binary --describe`): schemes, access, columns, version."""
    try:
        result = subprocess.run([binary, "--describe"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, timeout=60)
    except OSError as error:
        raise ScenarioError("cannot run %s --describe: %s" % (binary, error))
    if result.returncode != 0:
        raise ScenarioError("%s --describe failed: %s" % (binary, result.stderr.strip()))
    try:
        return json.loads(result.stdout)
    except ValueError as error:
        raise ScenarioError("%s --describe printed no JSON: %s" % (binary, error))


def scheme_order(description):
    """Scheme names in the order the tidy CSV lists them."""
    names = [s["name"] for s in description.get("schemes", [])] if description else []
    return ([n for n in PREFERRED_SCHEME_ORDER if n in names or not names]
            + [n for n in names if n not in PREFERRED_SCHEME_ORDER])

# Two-sided 95 % Student t quantiles t(0.975, dof), dof = 1..30, then a few
# larger dof; in between, interpolate linearly in 1/dof (exact to 1e-3).
_T975 = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
]
_T975_LARGE = [(30, 2.042), (40, 2.021), (60, 2.000), (120, 1.980), (math.inf, 1.960)]


def t975(dof):
    """Student t quantile for a two-sided 95 % interval with dof degrees of freedom."""
    if dof < 1:
        raise ValueError("t quantile needs dof >= 1")
    if dof <= len(_T975):
        return _T975[int(dof) - 1]
    for (d0, t0), (d1, t1) in zip(_T975_LARGE, _T975_LARGE[1:]):
        if d0 <= dof <= d1:
            x, x0, x1 = 1.0 / dof, 1.0 / d0, 1.0 / d1  # 1/inf == 0
            return t0 + (t1 - t0) * (x - x0) / (x1 - x0)
    raise AssertionError("unreachable")


def mean_ci95(values):
    """Mean and half-width of its 95 % confidence interval (Student t, n-1 dof).

    The half-width is nan for a single value: one sample says nothing about spread.
    """
    n = len(values)
    mean = math.fsum(values) / n
    if n < 2:
        return mean, math.nan
    variance = math.fsum((v - mean) ** 2 for v in values) / (n - 1)
    return mean, t975(n - 1) * math.sqrt(variance / n)


# --- The grid --------------------------------------------------------------------

def ms(value):
    """ns-3 Time option value for a number of ms ("30ms", "0.5ms")."""
    return "%gms" % value


def frange(lo, hi, step):
    """lo, lo+step, ..., hi (inclusive), without accumulating float error."""
    if step <= 0:
        raise ValueError("--tpred-step must be > 0")
    count = int(math.floor((hi - lo) / step + 1e-9)) + 1
    return [round(lo + i * step, 9) for i in range(max(count, 0))]


def comma_list(text):
    return [item.strip() for item in text.split(",") if item.strip()]


def parse_bool(text):
    lowered = text.lower()
    if lowered in ("true", "1", "yes"):
        return "true"
    if lowered in ("false", "0", "no"):
        return "false"
    raise argparse.ArgumentTypeError("not a boolean: %r" % text)


def build_runs(args, description):
    """All runs of the sweep: list of (option line, {interfaces, wrong_prediction})."""
    runs = []
    skipped = set()
    predicting = {s["name"] for s in description["schemes"] if s["makes_predictions"]}
    grid = itertools.product(
        comma_list(args.schemes), comma_list(args.access), comma_list(args.interfaces),
        [parse_bool(w) for w in comma_list(args.wrong_prediction)],
        frange(args.tpred_min, args.tpred_max, args.tpred_step),
        [int(n) for n in comma_list(args.mns)],
        [float(b) for b in comma_list(args.background_interval)],
        range(1, args.seeds + 1))
    for scheme, access, interfaces, wrong, tpred, mns, background, seed in grid:
        if wrong == "true" and scheme not in predicting:
            skipped.add(scheme)
            continue
        options = [
            "--scheme=" + scheme,
            "--access=" + access,
            "--interfaces=" + interfaces,
            "--wrongPrediction=" + wrong,
            "--tpred=" + ms(tpred),
            "--dhoL2=" + ms(args.dho_l2),
            "--rttMagLma=" + ms(args.rtt_mag_lma),
            "--rttMagMag=" + ms(args.rtt_mag_mag),
            "--rttMagAp=" + ms(args.rtt_mag_ap),
            "--packetInterval=" + ms(args.packet_interval),
            "--packetSize=%d" % args.packet_size,
            "--handovers=%d" % args.handovers,
            "--mns=%d" % mns,
            "--probedMns=%d" % min(args.probed_mns, mns),
            "--backgroundInterval=" + ms(background),
            "--backgroundSize=%d" % args.background_size,
            "--backgroundDirection=" + args.background_direction,
            "--RngRun=%d" % seed,
        ]
        if args.strict_load:
            options.append("--strictLoad=true")
        if args.extra:
            options.append(args.extra)
        runs.append((" ".join(options), {"interfaces": interfaces, "wrong_prediction": wrong}))
    for scheme in sorted(skipped):
        print("sweep: no wrong-prediction runs for %s (it makes no prediction)" % scheme,
              file=sys.stderr)
    return runs


# --- Running the batches ------------------------------------------------------------

class ScenarioError(Exception):
    pass


class BatchOutput:
    """Reads the batch protocol of a chunk of runs: header, rows, '#done' per run.

    The local runner feeds it line by line as a process prints; the Dask
    runner feeds it a finished chunk's whole output. Raises ScenarioError on
    output that breaks the protocol.
    """

    def __init__(self, chunk, progress=None):
        self.chunk = chunk
        self.progress = progress  # callable, called once per "#done"
        self.header = None
        self.rows = []
        self.done = 0

    def handle_line(self, line):
        if not line.strip():
            return
        if line.strip() == "#done":
            if self.done >= len(self.chunk):
                raise ScenarioError("more #done lines than runs")
            self.done += 1
            if self.progress:
                self.progress()
            return
        if line.startswith("#"):
            return
        values = next(csv.reader([line]))
        if self.header is None:
            missing = [c for c in SCENARIO_COLUMNS if c not in values]
            if missing:
                raise ScenarioError("header lacks columns %s: %s" % (missing, line))
            self.header = values
            return
        if len(values) != len(self.header):
            raise ScenarioError("row has %d fields, header %d: %s"
                                % (len(values), len(self.header), line))
        if self.done >= len(self.chunk):
            raise ScenarioError("row after the last run's #done: " + line)
        row = dict(zip(self.header, values))
        row.update(self.chunk[self.done][1])  # the run this row belongs to
        self.rows.append(row)


class Batch(BatchOutput):
    """One `handover-scenario --batch` process working through a chunk of runs."""

    def __init__(self, index, binary, chunk, progress):
        BatchOutput.__init__(self, chunk, progress)
        self.index = index
        self.stderr_text = ""
        self.error = None  # protocol errors found while reading stdout
        self.process = subprocess.Popen(
            [binary, "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, bufsize=1)
        # Separate threads for stdin, stdout and stderr: any one of the pipes
        # filling up must not stall the others.
        self.threads = [threading.Thread(target=f, daemon=True)
                        for f in (self._write_stdin, self._read_stdout, self._read_stderr)]
        for thread in self.threads:
            thread.start()

    def _write_stdin(self):
        try:
            for line, _ in self.chunk:
                self.process.stdin.write(line + "\n")
            self.process.stdin.close()
        except (BrokenPipeError, ValueError):
            pass  # the process died; its exit status tells why

    def _read_stderr(self):
        self.stderr_text = self.process.stderr.read()

    def _read_stdout(self):
        try:
            for line in self.process.stdout:
                self.handle_line(line.rstrip("\n"))
        except ScenarioError as error:
            self.error = str(error)
            self.process.kill()
            self.process.stdout.read()  # drain so the process can exit

    def wait(self):
        status = self.process.wait()
        for thread in self.threads:
            thread.join()
        return status

    def describe_failure(self, status):
        """Why this batch failed, or None if it did not."""
        problems = []
        if status != 0:
            problems.append("exited with status %d" % status)
        if self.error:
            problems.append("bad output: " + self.error)
        elif status == 0 and self.done != len(self.chunk):
            problems.append("finished %d of %d runs" % (self.done, len(self.chunk)))
        if not problems:
            return None
        if self.done < len(self.chunk):
            problems.append("while running: " + self.chunk[self.done][0])
        return "; ".join(problems)


class Progress:
    """Progress on stderr.

    On a terminal: a bar redrawn in place with \\r. Otherwise (a log file, a
    CI job, a batch system) one plain line every `interval` seconds and one
    at the end -- runs done, rate, ETA -- so that the log stays readable.
    """

    def __init__(self, total, width=40, stream=None, interval=5.0):
        self.total = total
        self.width = width
        self.stream = stream or sys.stderr
        self.interactive = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.interval = interval
        self.count = 0
        self.start = time.monotonic()
        self.last_line = self.start
        self.lock = threading.Lock()

    def step(self, runs=1):
        with self.lock:
            self.count += runs

    def draw(self, final=False):
        with self.lock:
            count = self.count
        now = time.monotonic()
        elapsed = now - self.start
        eta = "%.0f" % (elapsed / count * (self.total - count)) if count else "?"
        if not self.interactive:
            if not final and now - self.last_line < self.interval:
                return
            self.last_line = now
            rate = count / elapsed if elapsed > 0 else 0.0
            self.stream.write("sweep: %d/%d runs, %.1f runs/s, %.1f s, ETA %s s%s\n"
                              % (count, self.total, rate, elapsed, eta,
                                 " (done)" if final else ""))
            self.stream.flush()
            return
        filled = self.width * count // max(self.total, 1)
        self.stream.write("\r[%s%s] %d/%d runs  %.1f s  ETA %s s "
                          % ("#" * filled, "." * (self.width - filled), count, self.total,
                             elapsed, eta))
        if final:
            self.stream.write("\n")
        self.stream.flush()


def run_all(runs, binary, jobs):
    """Runs every run in `jobs` batch processes; returns the merged raw rows."""
    # Round-robin chunks: every process gets a mix of schemes and Tpred, so
    # the processes take about equally long.
    chunks = [runs[i::jobs] for i in range(jobs)]
    chunks = [chunk for chunk in chunks if chunk]
    progress = Progress(len(runs))
    batches = [Batch(i, binary, chunk, progress.step) for i, chunk in enumerate(chunks)]

    def failed_on_its_own(batch):
        return batch.error or batch.process.poll() not in (None, 0)

    while any(b.process.poll() is None for b in batches):
        progress.draw()
        if any(failed_on_its_own(b) for b in batches):
            break  # the sweep is lost: stop the others instead of waiting
        time.sleep(0.2)
    killed = [b for b in batches if b.process.poll() is None]
    for batch in killed:
        batch.process.kill()

    failures = []
    for batch in batches:
        status = batch.wait()
        reason = None if batch in killed else batch.describe_failure(status)
        if reason:
            failures.append((batch, reason))
    progress.draw(final=True)

    for batch in batches:
        if batch.stderr_text.strip():
            lines = batch.stderr_text.rstrip("\n").split("\n")
            shown = lines[-100:]
            print("--- stderr of batch %d (%s) ---" % (batch.index, binary), file=sys.stderr)
            if len(lines) > len(shown):
                print("[... %d earlier lines]" % (len(lines) - len(shown)), file=sys.stderr)
            print("\n".join(shown), file=sys.stderr)
    if failures:
        for batch, reason in failures:
            print("sweep: batch %d: %s" % (batch.index, reason), file=sys.stderr)
        if killed:
            print("sweep: stopped %d other batch(es)" % len(killed), file=sys.stderr)
        raise ScenarioError("%d of %d batches failed" % (len(failures), len(batches)))
    return [row for batch in batches for row in batch.rows], [b.header for b in batches]


def run_dask(runs, binary, scheduler, chunk_size):
    """Runs every run on a Dask distributed cluster; returns what run_all returns.

    Each task is one chunk of runs through `binary --batch` on a worker
    (subprocess.run, from the standard library: a worker needs Python with
    Dask and the built scenario at `binary`, nothing from this repository).
    Rows come back in run order, whichever worker finished first.
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ScenarioError("--dask needs Dask distributed (Debian: python3-distributed)")
    chunks = [runs[i:i + chunk_size] for i in range(0, len(runs), chunk_size)]
    progress = Progress(len(runs))
    outputs = [None] * len(chunks)
    client = Client(scheduler, timeout=30)
    try:
        print("sweep: %d runs in %d tasks on the Dask cluster at %s (%d workers)"
              % (len(runs), len(chunks), scheduler,
                 len(client.scheduler_info().get("workers", {}))), file=sys.stderr)
        futures = {}
        for index, chunk in enumerate(chunks):
            stdin = "".join(line + "\n" for line, _ in chunk)
            future = client.submit(subprocess.run, [binary, "--batch"], input=stdin,
                                   capture_output=True, text=True, pure=False)
            futures[future] = index
        failure = None
        for future in as_completed(list(futures)):
            index = futures[future]
            chunk = chunks[index]
            try:
                result = future.result()
            except Exception as error:  # the worker could not even start the scenario
                failure = "task %d: %s: %s" % (index, type(error).__name__, error)
                break
            output = BatchOutput(chunk)
            try:
                for line in result.stdout.split("\n"):
                    output.handle_line(line)
            except ScenarioError as error:
                failure = "task %d: bad output: %s" % (index, error)
            if failure is None and (result.returncode != 0 or output.done != len(chunk)):
                failure = ("task %d: exited with status %d after %d of %d runs"
                           % (index, result.returncode, output.done, len(chunk)))
            if failure:
                stderr_tail = "\n".join(result.stderr.rstrip("\n").split("\n")[-20:])
                if output.done < len(chunk):
                    failure += "; while running: " + chunk[output.done][0]
                if stderr_tail:
                    failure += "\n--- stderr ---\n" + stderr_tail
                break
            outputs[index] = output
            progress.step(len(chunk))
            progress.draw()
        if failure:
            client.cancel(list(futures))
            progress.draw(final=True)
            raise ScenarioError(failure)
        progress.draw(final=True)
    finally:
        client.close()
    return [row for o in outputs for row in o.rows], [o.header for o in outputs]


def read_raw(paths):
    """Rows of raw CSVs written by --raw (e.g. of several --shard runs), and their header."""
    rows = []
    headers = []
    for path in paths:
        with open(path, newline="") as f:
            reader = csv.DictReader(without_comments(f))
            fields = reader.fieldnames or []
            missing = [c for c in SCENARIO_COLUMNS + RUN_COLUMNS if c not in fields]
            if missing:
                raise ScenarioError("%s is not a raw sweep CSV (no %s)"
                                    % (path, ", ".join(missing)))
            headers.append([c for c in reader.fieldnames if c not in RUN_COLUMNS])
            rows.extend(reader)
    return rows, headers


def without_comments(lines):
    """The lines of a CSV file without its provenance lines (starting with '#')."""
    return (line for line in lines if not line.startswith("#"))


def shard(runs, spec):
    """The runs of shard I of N ("I/N", I = 0..N-1): every N-th run from the I-th."""
    try:
        index, count = (int(x) for x in spec.split("/"))
    except ValueError:
        raise ScenarioError("--shard takes I/N, e.g. 0/8")
    if count < 1 or not 0 <= index < count:
        raise ScenarioError("--shard I/N needs N >= 1 and 0 <= I < N")
    return runs[index::count]


# --- Aggregation -------------------------------------------------------------------

def canonical(column, value):
    """One spelling per numeric value, so "30" and "30.0" land in the same point."""
    if column in NUMERIC_POINT_COLUMNS:
        return "%g" % float(value)
    return value


def access_types(binary):
    """The scenario's access networks: {name: "measured" or "parameter"} for
    their DHO,L2 column, as the program describes them (--accessTypes)."""
    try:
        out = subprocess.run([binary, "--accessTypes"], capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError) as error:
        raise ScenarioError("cannot ask %s for its access types: %s" % (binary, error))
    return {row["name"]: row["dho_l2"] for row in csv.DictReader(io.StringIO(out))}


def aggregate(rows, schemes=PREFERRED_SCHEME_ORDER, measured=frozenset()):
    """Tidy rows: mean and 95 % CI per point over all runs x handovers.

    `schemes` orders the points' schemes (others follow, by name);
    `measured`: the access types whose DHO,L2 is measured.
    """
    groups = {}
    for row in rows:
        # On real radios DHO,L2 is measured per handover, not set: it is a
        # result to average, not a coordinate of the point.
        key = tuple(MEASURED if c == "dho_l2_ms" and row["access"] in measured
                    else canonical(c, row[c]) for c in POINT_COLUMNS)
        groups.setdefault(key, []).append(row)

    def sort_key(key):
        point = dict(zip(POINT_COLUMNS, key))
        scheme_rank = schemes.index(point["scheme"]) if point["scheme"] in schemes else len(schemes)
        return (scheme_rank, point["scheme"], point["access"], float(point["interfaces"]),
                point["wrong_prediction"], float(point["mns"]), float(point["probed_mns"]),
                float(point["packet_interval_ms"]), float(point["packet_size"]),
                float(point["background_interval_ms"]), float(point["background_size"]),
                point["background_direction"], point["direction"],
                -1.0 if point["dho_l2_ms"] == MEASURED else float(point["dho_l2_ms"]),
                float(point["rtt_mag_lma_ms"]),
                float(point["rtt_mag_mag_ms"]), float(point["rtt_mag_ap_ms"]),
                float(point["tpred_ms"]))

    tidy = []
    for key in sorted(groups, key=sort_key):
        members = groups[key]

        def column(name):
            try:
                return [float(r[name]) for r in members]
            except ValueError as error:
                raise ScenarioError("non-numeric %s in the scenario output: %s" % (name, error))

        out = dict(zip(POINT_COLUMNS, key))
        if out["dho_l2_ms"] == MEASURED:
            out["dho_l2_ms"] = mean_ci95(column("dho_l2_ms"))[0]
        out["channel_load"] = members[0]["channel_load"]
        out["n"] = len(members)
        out["latency_mean_ms"], out["latency_ci95_ms"] = mean_ci95(column("latency_ms"))
        out["loss_period_mean_ms"], out["loss_period_ci95_ms"] = mean_ci95(column("loss_period_ms"))
        out["lost_packets_mean"] = mean_ci95(column("lost_packets"))[0]
        out["max_extra_delay_mean_ms"], out["max_extra_delay_ci95_ms"] = \
            mean_ci95(column("max_extra_delay_ms"))
        tidy.append(out)
    return tidy


def provenance(argv, description, binary):
    """The provenance lines' fields of this sweep's output (list of (key, value))."""
    fields = [("program", "scenarios/sweep.py"),
              ("command_line", " ".join(shlex.quote(a) for a in argv)),
              ("date", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))]
    if description:
        fields += [("scenario", binary),
                   ("pmipv6_version", description.get("pmipv6_version", "?")),
                   ("ns3_version", description.get("ns3_version", "?")),
                   ("load_warn_fraction", str(description.get("load_warn_fraction", "?")))]
    fields.append(("rng_run", "per row: the run column (RngRun 1..seeds)"))
    return fields


def read_provenance(paths):
    """The provenance lines ("# key: value") of the given CSV files, as (key, value)."""
    fields = []
    for path in paths:
        with open(path) as f:
            for line in f:
                if not line.startswith("#"):
                    break
                key, _, value = line[1:].strip().partition(":")
                fields.append((key.strip(), value.strip()))
    return fields


def write_csv(path, columns, rows, fields=()):
    """Write rows as CSV at `path`, after one "# key: value" line per field."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(path, "w", newline="") as f:
        for key, value in fields:
            f.write("# %s: %s\n" % (key, value.replace("\n", " ")))
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: ("%.6g" % v if isinstance(v, float) else v)
                             for c, v in row.items()})


def raw_columns(headers):
    """The scenario's columns (in its order, extras included) plus the run's."""
    columns = []
    for header in headers:
        for c in header or []:
            if c not in columns:
                columns.append(c)
    where = columns.index("access") + 1 if "access" in columns else len(columns)
    return columns[:where] + RUN_COLUMNS + columns[where:]


# --- Command line ---------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--schemes", default="pmipv6,fpmipv6",
                   help="comma list of the scenario's schemes (handover-scenario --describe)")
    p.add_argument("--tpred-min", type=float, default=0.0, help="ms")
    p.add_argument("--tpred-max", type=float, default=60.0, help="ms")
    p.add_argument("--tpred-step", type=float, default=1.0, help="ms")
    p.add_argument("--seeds", type=int, default=1, help="runs RngRun 1..N per point")
    p.add_argument("--handovers", type=int, default=10, help="handovers per run")
    p.add_argument("--dho-l2", type=float, default=11.0, help="DHO,L2 in ms")
    p.add_argument("--rtt-mag-lma", type=float, default=30.0, help="ms")
    p.add_argument("--rtt-mag-mag", type=float, default=10.0, help="ms")
    p.add_argument("--rtt-mag-ap", type=float, default=5.0, help="ms")
    p.add_argument("--packet-interval", type=float, default=1.0, help="probe interval in ms")
    p.add_argument("--access", default="ideal",
                   help="comma list of access types (handover-scenario --accessTypes)")
    p.add_argument("--mns", default="1",
                   help="comma list of the numbers of MNs (e.g. 1,2,5,10)")
    p.add_argument("--probed-mns", type=int, default=0,
                   help="MNs with probe flows, which hand over (0: all); the others stay at "
                        "MAG 0 with background flows")
    p.add_argument("--packet-size", type=int, default=64, help="probe UDP payload (bytes)")
    p.add_argument("--background-interval", default="20",
                   help="comma list of background flow intervals in ms (each its own point)")
    p.add_argument("--background-size", type=int, default=160,
                   help="background UDP payload (bytes)")
    p.add_argument("--background-direction", default="both",
                   choices=["down", "up", "both", "none"])
    p.add_argument("--strict-load", action="store_true",
                   help="fail a run whose flows would load a radio channel above the "
                        "scenario's limit (handover-scenario --strictLoad) instead of warning")
    p.add_argument("--interfaces", default="1", help="comma list, e.g. 1,2")
    p.add_argument("--wrong-prediction", default="false", help="comma list of false,true")
    p.add_argument("--extra", default="", help="raw options appended to every run")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="parallel processes")
    p.add_argument("--binary", default=os.path.join(REPO_ROOT, "build", "handover-scenario"))
    p.add_argument("--raw", help="write the per-handover rows here")
    p.add_argument("--out", required=True, help="write the tidy per-point CSV here")
    p.add_argument("--dask", metavar="SCHEDULER_ADDRESS",
                   help="run on this Dask distributed cluster (e.g. tcp://host:8786) instead "
                        "of local processes; --binary is then the scenario's path on the workers")
    p.add_argument("--chunk-size", type=int, default=20,
                   help="runs per Dask task (one `--batch` process each)")
    p.add_argument("--shard", metavar="I/N",
                   help="run only every N-th run of the grid from the I-th (0-based), e.g. one "
                        "task of a SLURM job array; merge the shards' --raw files with --merge")
    p.add_argument("--merge", nargs="+", metavar="RAW_CSV",
                   help="run nothing: aggregate these --raw files (e.g. of all shards) into --out")
    args = p.parse_args(argv)
    if args.seeds < 1 or args.jobs < 1 or args.handovers < 1 or args.chunk_size < 1:
        p.error("--seeds, --jobs, --handovers and --chunk-size must be >= 1")
    if args.probed_mns < 0 or any(int(n) < 1 for n in comma_list(args.mns)):
        p.error("--mns must be >= 1 and --probed-mns >= 0")
    if not args.merge and not args.dask and not os.access(args.binary, os.X_OK):
        p.error("scenario binary %s is missing or not executable (build it first)" % args.binary)
    args.description = None
    if os.access(args.binary, os.X_OK):
        try:
            args.description = describe(args.binary)
        except ScenarioError as error:
            p.error(str(error))
    elif not args.merge:
        p.error("--describe needs the scenario here too: %s is missing (with --dask, build "
                "the same scenario at that path on this machine)" % args.binary)
    if args.description and not args.merge:
        for option, known in (("scheme", [s["name"] for s in args.description["schemes"]]),
                              ("access", args.description["access"])):
            given = comma_list(getattr(args, option + "s" if option == "scheme" else option))
            unknown = [g for g in given if g not in known]
            if unknown:
                p.error("unknown %s(s) %s; the scenario knows: %s"
                        % (option, ",".join(unknown), ",".join(known)))
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.monotonic()
    try:
        if args.merge:
            rows, headers = read_raw(args.merge)
        else:
            runs = build_runs(args, args.description)
            if args.shard:
                runs = shard(runs, args.shard)
            if not runs:
                print("sweep: the grid is empty", file=sys.stderr)
                return 2
            if args.dask:
                rows, headers = run_dask(runs, args.binary, args.dask, args.chunk_size)
            else:
                jobs = min(args.jobs, len(runs))
                print("sweep: %d runs in %d processes of %s" % (len(runs), jobs, args.binary),
                      file=sys.stderr)
                rows, headers = run_all(runs, args.binary, jobs)
        types = access_types(args.binary)
        tidy = aggregate(rows, scheme_order(args.description),
                         {name for name, dho in types.items() if dho == MEASURED})
    except ScenarioError as error:
        print("sweep: FAILED: %s" % error, file=sys.stderr)
        return 1
    fields = provenance(["sweep.py"] + (sys.argv[1:] if argv is None else argv),
                        args.description, args.binary)
    if args.merge:
        fields += [("merged_from", " ".join(args.merge))]
        for key, value in read_provenance(args.merge):
            if ("input_" + key, value) not in fields:
                fields.append(("input_" + key, value))
    if args.raw:
        write_csv(args.raw, raw_columns(headers), rows, fields)
    write_csv(args.out, TIDY_COLUMNS, tidy, fields)
    print("sweep: %d rows, %d points -> %s%s; wall time %.1f s"
          % (len(rows), len(tidy), args.out, " and " + args.raw if args.raw else "",
             time.monotonic() - started), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
