# SPDX-License-Identifier: GPL-2.0-only
"""Checks the counting of plot_lossy_signalling.py on a hand-made CSV.

Run: python3 plotting/test_plot_lossy_signalling.py (exit status non-zero on failure).
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import plot_lossy_signalling as pls  # noqa: E402

HEADER = ("scheme,access,tpred_ms,dho_l2_ms,rtt_mag_lma_ms,rtt_mag_mag_ms,rtt_mag_ap_ms,run,"
          "handover,direction,latency_ms,loss_period_ms,lost_packets,max_extra_delay_ms,"
          "signalling_loss,signalling_jitter_ms,completed,registered_ms,binding_problems,"
          "registering_at_end")


def row(run, k, direction, latency, completed, problems=0, registering=0, p=0.3):
    return ("pmipv6,ideal,0,11,30,10,5,%d,%d,%s,%s,0,0,0,%s,0,%d,,%d,%d"
            % (run, k, direction, latency, p, completed, problems, registering))


class Counting(unittest.TestCase):
    def summary(self, rows):
        with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
            f.write(HEADER + "\n" + "\n".join(rows) + "\n")
        try:
            return pls.summarise(pls.load(f.name))[("pmipv6", 0.3)]
        finally:
            os.unlink(f.name)

    def test_both_directions_needed(self):
        s = self.summary([row(1, 0, "down", 41, 1), row(1, 0, "up", 41, 0),
                          row(1, 1, "down", 1541, 1), row(1, 1, "up", 1541, 1)])
        self.assertEqual(s["n"], 2)
        self.assertEqual(s["completed"], 1)
        # Handover 1 follows a failed one: completed, but its latency is not its own.
        self.assertEqual(s["latencies"], [])
        self.assertEqual(s["inherited"], 1)

    def test_latencies_and_run_totals(self):
        s = self.summary([row(1, 0, "down", 41, 1, 0, 1), row(1, 0, "up", 45, 1, 0, 1),
                          row(2, 0, "down", 1541, 1, 2), row(2, 0, "up", 1541, 1, 2)])
        self.assertEqual(s["completed"], 2)
        self.assertEqual(sorted(s["latencies"]), [41.0, 1541.0])  # downlink only
        self.assertEqual(s["problems"], 2)  # per run, not per row
        self.assertEqual(s["registering"], 1)
        self.assertEqual(s["runs"], 2)

    def test_wilson_and_percentile(self):
        lo, hi = pls.wilson(97, 100)
        self.assertTrue(lo < 0.97 < hi)
        self.assertAlmostEqual(lo, 0.915, places=3)
        self.assertEqual(pls.percentile([1, 2, 3, 4, 5], 50), 3)
        self.assertAlmostEqual(pls.percentile([0, 10], 90), 9.0)


if __name__ == "__main__":
    unittest.main()
