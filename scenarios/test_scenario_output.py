# SPDX-License-Identifier: GPL-2.0-only
"""Checks what handover-scenario writes around its rows.

- Provenance: every CSV (standard output, --csv file, --batch) starts with
  "# key: value" lines: program, the module's git describe, ns-3's version,
  the date, RngSeed/RngRun and the command line; they are right (the version
  is this checkout's commit, the run the one asked for, the date today).
- The radio load check: silent for the default scenario and for one MN on
  Wi-Fi; a warning on stderr and in the metadata for the issue's N = 10
  Wi-Fi run; an error, before anything runs, with --strictLoad.
- --describe: JSON whose schemes, access types and columns are the ones the
  program accepts and prints.

Run: /usr/bin/python3 scenarios/test_scenario_output.py (ctest sets
PMIPV6_SCENARIO to the built handover-scenario; default build/handover-scenario).
"""
import csv
import datetime
import json
import os
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
BINARY = os.environ.get("PMIPV6_SCENARIO", os.path.join(REPO, "build", "handover-scenario"))


def run(*args, stdin=None):
    result = subprocess.run([BINARY] + list(args), input=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, timeout=600)
    return result


def provenance(text):
    """The "# key: value" lines before the CSV header, as a dict."""
    fields = {}
    for line in text.splitlines():
        if not line.startswith("# "):
            break
        key, _, value = line[2:].partition(": ")
        fields[key] = value
    return fields


def csv_rows(text):
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


class Provenance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.result = run("--handovers=1", "--RngRun=3", "--tpred=0ms")
        if cls.result.returncode != 0:
            raise AssertionError(cls.result.stderr)
        cls.fields = provenance(cls.result.stdout)

    def test_fields_present_in_order(self):
        self.assertEqual(list(self.fields)[:9],
                         ["program", "pmipv6_version", "ns3_version", "date", "rng_seed",
                          "rng_run", "command_line", "radio_load", "radio_load_warning"])

    def test_fields_right(self):
        self.assertEqual(self.fields["program"], "handover-scenario")
        self.assertEqual(self.fields["rng_run"], "3")
        self.assertEqual(self.fields["rng_seed"], "1")
        self.assertEqual(self.fields["command_line"], "--handovers=1 --RngRun=3 --tpred=0ms")
        self.assertRegex(self.fields["ns3_version"], r"^3\.\d+")
        date = datetime.datetime.strptime(self.fields["date"], "%Y-%m-%dT%H:%M:%SZ")
        now = datetime.datetime.utcnow()
        self.assertLess(abs((now - date).total_seconds()), 600)
        rows = csv_rows(self.result.stdout)
        self.assertEqual({r["run"] for r in rows}, {"3"})

    def test_version_is_this_checkout(self):
        def git(*args):
            return subprocess.run(["git", "-C", REPO] + list(args), stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True)
        if shutil.which("git") is None:
            self.skipTest("git is not installed (scenarios/setup.sh installs it)")
        if git("rev-parse", "HEAD").returncode != 0:
            self.skipTest("not a git checkout")
        # git describe: TAG-N-gHASH or HASH, with -dirty for uncommitted
        # changes. The build is of this checkout's commit, or of an earlier
        # one if the program was not rebuilt since the last commit.
        version = self.fields["pmipv6_version"]
        described = version[:-len("-dirty")] if version.endswith("-dirty") else version
        commit = described.rsplit("-g", 1)[-1]
        self.assertRegex(commit, r"^[0-9a-f]{7,}$", version)
        self.assertEqual(git("merge-base", "--is-ancestor", commit, "HEAD").returncode, 0,
                         "%s is not HEAD or an ancestor of it" % version)

    def test_csv_file_and_batch_carry_it_too(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "out.csv")
            self.assertEqual(run("--handovers=1", "--csv=" + path).returncode, 0)
            with open(path) as f:
                text = f.read()
        self.assertEqual(provenance(text)["command_line"], "--handovers=1 --csv=" + path)
        self.assertEqual(len(csv_rows(text)), 2)
        batch = run("--batch", "--handovers=1", stdin="--RngRun=1\n--RngRun=2\n")
        self.assertEqual(batch.returncode, 0, batch.stderr)
        fields = provenance(batch.stdout)
        self.assertEqual(fields["program"], "handover-scenario --batch")
        self.assertIn("run column", fields["rng_run"])
        self.assertEqual(sorted({r["run"] for r in csv_rows(batch.stdout)}), ["1", "2"])

    def test_pandas_reads_it_with_comment(self):
        try:
            import pandas
        except ImportError:
            self.skipTest("pandas is not installed")
        import io
        frame = pandas.read_csv(io.StringIO(self.result.stdout), comment="#")
        self.assertEqual(len(frame), 2)
        self.assertIn("mns", frame.columns)


class LoadCheck(unittest.TestCase):
    def test_default_and_single_wifi_mn_are_silent(self):
        for args in (["--handovers=1"], ["--handovers=1", "--access=wifi"]):
            result = run(*args)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertNotIn("radio load", result.stderr)
            self.assertEqual(provenance(result.stdout)["radio_load_warning"], "no")

    def test_saturating_wifi_run_warns(self):
        # The run: 10 MNs with 1 ms probes on one 802.11a channel.
        result = run("--scheme=pmipv6", "--access=wifi", "--handovers=2", "--mns=10")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("WARNING: radio load", result.stderr)
        fields = provenance(result.stdout)
        self.assertEqual(fields["radio_load_warning"], "yes")
        self.assertIn("379 %", fields["radio_load"])
        self.assertEqual({r["channel_load"] for r in csv_rows(result.stdout)}, {"3.79"})

    def test_strict_load_refuses_before_running(self):
        result = run("--access=wifi", "--mns=10", "--strictLoad=true")
        self.assertEqual(result.returncode, 1)
        self.assertIn("ERROR: radio load", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_background_keeps_the_load_below_the_limit(self):
        result = run("--access=wifi", "--mns=10", "--probedMns=1", "--handovers=1",
                     "--strictLoad=true")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = csv_rows(result.stdout)
        self.assertEqual({(r["mn"], r["mns"], r["probed_mns"]) for r in rows}, {("0", "10", "1")})


class EventLog(unittest.TestCase):
    def test_verbose_prints_each_trace_event_once(self):
        with tempfile.TemporaryDirectory() as tmp:
            trace = os.path.join(tmp, "trace.csv")
            result = run("--handovers=2", "--scheme=fpmipv6", "--tpred=40ms", "--verbose=true",
                         "--trace=" + trace)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(trace) as f:
                text = f.read()
        events = csv_rows(text)
        self.assertEqual(provenance(text)["program"], "handover-scenario")
        lines = [l for l in result.stderr.splitlines() if l.strip() and not l.startswith("#")]
        # One line per event, in the trace's order, and nothing else (no
        # ns-3 log line repeating an event in another format).
        self.assertEqual(len(lines), len(events))
        for line, event in zip(lines, events):
            self.assertAlmostEqual(float(line.split()[0]), float(event["time_ms"]), delta=0.0006)
            self.assertEqual(line.split()[2], event["node"])
            self.assertEqual(line.split()[3], event["event"])
        messages = {(e["node"], e["message"]) for e in events if e["event"] == "send"}
        for expected in [("MAG0", "HI"), ("MAG1", "PBU"), ("LMA", "PBA"), ("MAG1", "HAck")]:
            self.assertIn(expected, messages)

    def test_msc_draws_a_chart(self):
        with tempfile.TemporaryDirectory() as tmp:
            chart = os.path.join(tmp, "msc.png")
            result = run("--handovers=1", "--msc=" + chart)
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(chart, "rb") as f:
                self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
            self.assertTrue(os.path.exists(chart + ".trace.csv"))


class Describe(unittest.TestCase):
    def test_describe_matches_the_program(self):
        result = run("--describe")
        self.assertEqual(result.returncode, 0, result.stderr)
        d = json.loads(result.stdout)
        names = [s["name"] for s in d["schemes"]]
        self.assertIn("pmipv6", names)
        self.assertFalse([s for s in d["schemes"] if s["name"] == "pmipv6"][0]["makes_predictions"])
        self.assertIn("wifi", d["access"])
        for scheme in names:  # every scheme named runs
            self.assertEqual(run("--scheme=" + scheme, "--handovers=1").returncode, 0, scheme)
        bad = run("--scheme=no-such-scheme")
        self.assertNotEqual(bad.returncode, 0)
        header = [line for line in run("--handovers=1", "--signalling=true").stdout.splitlines()
                  if not line.startswith("#")][0].split(",")
        self.assertEqual(header, d["csv_columns"] + d["signalling_columns"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
