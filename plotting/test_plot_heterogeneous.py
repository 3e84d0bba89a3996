# SPDX-License-Identifier: GPL-2.0-only
"""Checks the heterogeneous-access driver's aggregation and the plotter.

- scenarios/heterogeneous.py aggregate(): runs' rows grouped by handover
  kind, scheme and flow, with means, the 95 % CI, DHO,L2 averaged over the
  handovers that attached (-1: never) only.
- plotting/plot_heterogeneous.py: reads that CSV, prints every row, and
  writes the figure.

Run: /usr/bin/python3 plotting/test_plot_heterogeneous.py
"""
import csv
import math
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scenarios"))
import heterogeneous  # noqa: E402
import plot_heterogeneous  # noqa: E402


def row(kind, scheme, flow, latency, loss, dho):
    return {"kind": kind, "scheme": scheme, "tpred_ms": "0", "direction": flow,
            "latency_ms": str(latency), "loss_period_ms": str(loss), "lost_packets": str(loss),
            "dho_l2_ms": str(dho)}


class AggregateTest(unittest.TestCase):
    def test_groups_means_and_unattached_dho(self):
        rows = [row("wifi-lte", "pmipv6", "down", 90, 88, 60),
                row("wifi-lte", "pmipv6", "down", 94, 92, -1),
                row("wifi-lte", "pmipv6", "up", 80, 70, 60),
                row("lte-wifi", "pmipv6", "down", 50, 40, 54)]
        tidy = {(t["handover"], t["flow"]): t for t in heterogeneous.aggregate(rows)}
        self.assertEqual(len(tidy), 3)
        down = tidy[("Wi-Fi->LTE", "down")]
        self.assertEqual(down["n"], 2)
        self.assertAlmostEqual(down["latency_mean_ms"], 92)
        # t(0.975, 1) = 12.706, sd = 2.828: half-width 12.706 * 2.828 / sqrt(2) = 25.41
        self.assertAlmostEqual(down["latency_ci95_ms"], 25.41, places=1)
        self.assertAlmostEqual(down["dho_l2_mean_ms"], 60)  # the -1 (never attached) left out
        self.assertTrue(math.isnan(tidy[("LTE->Wi-Fi", "down")]["latency_ci95_ms"]))

    def test_plan_covers_both_directions_and_the_baseline(self):
        plan = heterogeneous.runs(2, 50)
        kinds = {(k, s) for k, s, _, _ in plan}
        self.assertIn(("wifi-lte", "fpmipv6"), kinds)
        self.assertIn(("lte-wifi", "pfmipv6-reactive"), kinds)
        self.assertIn(("x2", "pmipv6"), kinds)
        self.assertEqual(len(plan), 2 * 4 * 2 + 2)
        tpred = {s: t for k, s, t, _ in plan}
        self.assertEqual(tpred["fpmipv6"], 50)
        self.assertEqual(tpred["pmipv6"], 0)


class PlotTest(unittest.TestCase):
    def test_reads_prints_and_draws(self):
        rows = [row(k, s, f, 10 + i, 5 + i, 50)
                for i, (k, s, f) in enumerate((k, s, f) for k in ("wifi-lte", "lte-wifi")
                                              for s in heterogeneous.SCHEMES
                                              for f in ("down", "up"))]
        rows += [row("x2", "pmipv6", f, 8, 4, 4) for f in ("down", "up")]
        tidy = heterogeneous.aggregate(rows)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "h.csv")
            with open(path, "w", newline="") as f:
                w = csv.DictWriter(f, fieldnames=heterogeneous.COLUMNS)
                w.writeheader()
                w.writerows(tidy)
            table = plot_heterogeneous.load(path)
            self.assertEqual(len(table), 18)
            text = plot_heterogeneous.text_table(table)
            self.assertEqual(len(text.splitlines()), 1 + 18)
            self.assertIn("X2 (LTE)", text)
            for p in plot_heterogeneous.draw(table, d):
                self.assertGreater(os.path.getsize(p), 1000)


if __name__ == "__main__":
    unittest.main()
