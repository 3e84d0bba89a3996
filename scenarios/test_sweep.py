# SPDX-License-Identifier: GPL-2.0-only
"""Checks sweep.py's ways of running a grid against its local runner.

- Dask: a real scheduler and two worker processes on 127.0.0.1 (the Debian
  `dask-scheduler` / `dask-worker` programs) run a small sweep with
  `--dask`; its rows must be the local runner's rows, and its tidy CSV the
  same file. Skipped, with a message, only if Dask distributed cannot be
  imported (Debian: python3-distributed).
- Shards: `--shard I/N` runs merged with `--merge` give the full sweep.
- Quiet logs: with stderr not a terminal, progress comes as whole lines,
  never a carriage-return redraw.

Run: /usr/bin/python3 scenarios/test_sweep.py (ctest sets PMIPV6_SCENARIO
to the built handover-scenario; default build/handover-scenario).
"""
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SWEEP = os.path.join(HERE, "sweep.py")
BINARY = os.environ.get("PMIPV6_SCENARIO", os.path.join(REPO, "build", "handover-scenario"))

try:
    import distributed  # noqa: F401
    HAVE_DASK = True
except ImportError:
    HAVE_DASK = False

# A small grid with every scheme: 4 schemes x 3 Tpred x 2 seeds = 24 runs.
GRID = ["--schemes", "pmipv6,fpmipv6,pfmipv6-predictive,pfmipv6-reactive",
        "--tpred-min", "0", "--tpred-max", "40", "--tpred-step", "20",
        "--seeds", "2", "--handovers", "2", "--binary", BINARY]


def sweep(*args):
    """Runs sweep.py; returns its stderr (fails the test on a non-zero exit)."""
    result = subprocess.run([sys.executable, SWEEP] + GRID + list(args),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise AssertionError("sweep.py %s failed:\n%s" % (" ".join(args), result.stderr))
    return result.stderr


def rows(path):
    with open(path, newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return sorted(tuple(sorted(r.items())) for r in csv.DictReader(lines))


def text(path):
    """The file's CSV lines, without its provenance lines (date, command line)."""
    with open(path) as f:
        return "".join(line for line in f if not line.startswith("#"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SweepRunners(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not os.access(BINARY, os.X_OK):
            raise AssertionError("no scenario binary at %s: build first" % BINARY)
        cls.dir = tempfile.mkdtemp(prefix="sweep-test-")
        cls.local_raw = os.path.join(cls.dir, "local-raw.csv")
        cls.local_out = os.path.join(cls.dir, "local.csv")
        cls.local_stderr = sweep("--jobs", "2", "--raw", cls.local_raw, "--out", cls.local_out)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def test_local_sweep_has_every_run(self):
        # 24 runs x 2 handovers x 2 directions.
        self.assertEqual(len(rows(self.local_raw)), 96)

    def test_progress_is_whole_lines_when_not_a_terminal(self):
        self.assertNotIn("\r", self.local_stderr)
        self.assertRegex(self.local_stderr, r"sweep: 24/24 runs, [0-9.]+ runs/s, .*\(done\)")

    def test_shards_merge_into_the_full_sweep(self):
        raws = []
        for index in range(3):
            raw = os.path.join(self.dir, "shard-%d-raw.csv" % index)
            sweep("--jobs", "1", "--shard", "%d/3" % index, "--raw", raw,
                  "--out", os.path.join(self.dir, "shard-%d.csv" % index))
            raws.append(raw)
        merged = os.path.join(self.dir, "merged.csv")
        sweep("--merge", *raws, "--out", merged)
        self.assertEqual(sum(len(rows(r)) for r in raws), 96)
        self.assertEqual(text(merged), text(self.local_out))

    @unittest.skipUnless(HAVE_DASK, "Dask distributed is not importable (Debian package "
                                    "python3-distributed): the Dask runner is not tested")
    def test_dask_cluster_gives_the_local_rows(self):
        port = free_port()
        address = "tcp://127.0.0.1:%d" % port
        log = open(os.path.join(self.dir, "dask.log"), "w")
        processes = [subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", str(port), "--no-dashboard"], stdout=log, stderr=log)]
        try:
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address,
                 "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                stdout=log, stderr=log))
            from distributed import Client
            client = Client(address, timeout=60)
            try:
                client.wait_for_workers(2, timeout=120)
            finally:
                client.close()
            raw = os.path.join(self.dir, "dask-raw.csv")
            out = os.path.join(self.dir, "dask.csv")
            # Chunks of 5: several tasks per worker, finishing in any order.
            stderr = sweep("--dask", address, "--chunk-size", "5", "--raw", raw, "--out", out)
            self.assertIn("5 tasks on the Dask cluster", stderr)
            self.assertIn("(2 workers)", stderr)
            self.assertNotIn("\r", stderr)
            self.assertEqual(rows(raw), rows(self.local_raw))
            self.assertEqual(text(out), text(self.local_out))
        finally:
            for process in reversed(processes):
                process.terminate()
            for process in reversed(processes):
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
            log.close()


class SweepOverLoad(unittest.TestCase):
    """Sweeping N and the background load: one point per (N, load), never averaged together."""

    def test_points_per_mns_and_background(self):
        with tempfile.TemporaryDirectory(prefix="sweep-load-") as tmp:
            raw = os.path.join(tmp, "raw.csv")
            out = os.path.join(tmp, "out.csv")
            result = subprocess.run(
                [sys.executable, SWEEP, "--schemes", "pmipv6", "--tpred-max", "0",
                 "--seeds", "2", "--handovers", "2", "--mns", "1,3", "--probed-mns", "1",
                 "--background-interval", "10,40", "--packet-interval", "20",
                 "--jobs", "2", "--binary", BINARY, "--raw", raw, "--out", out],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            raw_rows = [dict(r) for r in rows(raw)]
            tidy = [dict(r) for r in rows(out)]
            with open(out) as f:
                fields = dict(line[2:].rstrip("\n").split(": ", 1) for line in f
                              if line.startswith("# "))
            describe = json.loads(subprocess.run([BINARY, "--describe"], stdout=subprocess.PIPE,
                                                 text=True).stdout)
        # Only the probed MN hands over; the raw rows say N and the load.
        self.assertEqual({r["mn"] for r in raw_rows}, {"0"})
        self.assertEqual({(r["mns"], r["probed_mns"]) for r in raw_rows}, {("1", "1"), ("3", "1")})
        # 2 N x 2 background intervals x 2 directions, each 2 seeds x 2 handovers.
        self.assertEqual(len(tidy), 8)
        for point in tidy:
            members = [r for r in raw_rows
                       if (r["mns"], r["background_interval_ms"], r["direction"])
                       == (point["mns"], point["background_interval_ms"], point["direction"])]
            self.assertEqual(int(point["n"]), len(members))
            self.assertEqual(len(members), 4)
        # Provenance: this command, the scenario's version as it describes itself.
        self.assertEqual(fields["program"], "scenarios/sweep.py")
        self.assertIn("--mns 1,3", fields["command_line"])
        self.assertEqual(fields["pmipv6_version"], describe["pmipv6_version"])
        self.assertEqual(fields["ns3_version"], describe["ns3_version"])

    def test_unknown_scheme_names_the_scenarios_schemes(self):
        result = subprocess.run([sys.executable, SWEEP, "--schemes", "no-such", "--binary", BINARY,
                                 "--out", os.devnull], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        self.assertEqual(result.returncode, 2)
        self.assertIn("the scenario knows: ", result.stderr)
        self.assertIn("pmipv6", result.stderr.split("the scenario knows: ")[1])


if __name__ == "__main__":
    if not HAVE_DASK:
        print("test_sweep: SKIPPING the Dask test: Dask distributed is not importable "
              "(install python3-distributed)", file=sys.stderr)
    unittest.main(verbosity=2)
