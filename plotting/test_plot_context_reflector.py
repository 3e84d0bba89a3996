# SPDX-License-Identifier: GPL-2.0-only
"""Checks the averaging of plot_context_reflector.py on hand-made rows.

Run: python3 plotting/test_plot_context_reflector.py (exit status non-zero on failure).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import plot_context_reflector as pcr  # noqa: E402


def row(variant, direction, latency, loss, rtt=10, dho=60, access="ideal", extra=0, msgs=7):
    return dict(variant=variant, access=access, dho_l2_ms=str(dho), rtt_mag_lma_ms=str(rtt),
                direction=direction, latency_ms=str(latency), loss_period_ms=str(loss),
                lost_packets=str(loss), max_extra_delay_ms=str(extra),
                signalling_messages=str(msgs), signalling_bytes="100")


class Sec52(unittest.TestCase):
    def test_paper_expressions_and_deviation(self):
        rows = [row("pmipv6", "down", 74, 74), row("pmipv6", "down", 75, 75),
                row("pmipv6", "up", 72, 72), row("cr-forward", "down", 62, 15),
                row("cr-forward", "up", 62.5, 62.5)]
        out = {r["variant"]: r for r in pcr.sec52(rows)}
        self.assertAlmostEqual(out["pmipv6"]["latency_ms"], 74.5)
        self.assertAlmostEqual(out["pmipv6"]["paper_drop_period_ms"], 60 + 10 + 1.6776, places=3)
        self.assertAlmostEqual(out["pmipv6"]["deviation_ms"], 74.5 - 71.6776, places=2)
        self.assertEqual(out["pmipv6"]["handovers"], 2)
        self.assertAlmostEqual(out["cr-forward"]["paper_drop_period_ms"], 60)
        self.assertAlmostEqual(out["cr-forward"]["uplink_loss_period_ms"], 62.5)

    def test_wifi_uses_the_measured_l2_time(self):
        rows = [row("cr-forward", "down", 51, 10, access="wifi", dho=50),
                row("cr-forward", "down", 53, 10, access="wifi", dho=52)]
        (r,) = pcr.sec52(rows)
        self.assertEqual(r["access"], "wifi")
        self.assertAlmostEqual(r["paper_drop_period_ms"], 51)


class Table1(unittest.TestCase):
    def test_rows_in_order_per_setting(self):
        rows = [row("B:cr-forward", "down", 62, 15), row("A:pmipv6", "down", 43, 43),
                row("A:pmipv6", "up", 41, 41, msgs=4), row("A:fhs", "up", 53, 53)]
        out = pcr.table1(rows)
        self.assertEqual([(r["setting"][:8], r["scheme"]) for r in out],
                         [("D 11 Rl ", "pmipv6"), ("D 11 Rl ", "fhs"), ("D 60 Rl ", "cr-forward")])
        self.assertAlmostEqual(out[0]["up_loss_period_ms"], 41)
        self.assertEqual(out[2]["extended"], "LMA, pMAG, nMAG")


if __name__ == "__main__":
    unittest.main()
