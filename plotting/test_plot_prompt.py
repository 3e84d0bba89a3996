#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Checks of plotting/plot_prompt.py: the Table 2 aggregation and the curves."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plot_prompt  # noqa: E402


def row(scheme, direction, completion, lost, rtt=20, tau_internet=100):
    return {"scheme": scheme, "direction": direction, "completion_ms": completion,
            "lost_packets": str(lost), "rtt_mag_lma_ms": str(rtt),
            "tau_internet_ms": str(tau_internet)}


class Table2Test(unittest.TestCase):
    def test_one_completion_per_handover_losses_per_direction(self):
        rows = [row("prompt-scheduled", "down", "10", 1), row("prompt-scheduled", "up", "10", 0),
                row("prompt-scheduled", "down", "12", 3), row("prompt-scheduled", "up", "12", 0),
                row("pmipv6", "down", "", 5)]
        t = plot_prompt.table2(rows)
        self.assertEqual(set(t), {"prompt-scheduled"})
        (c, cci), (u, _), (d, _), n = t["prompt-scheduled"]
        self.assertEqual(n, 2)
        self.assertAlmostEqual(c, 11)
        # t(0.975, 1) x sd / sqrt(2) = 12.706 x 1.414 / 1.414
        self.assertAlmostEqual(cci, 12.706, places=3)
        self.assertEqual((u, d), (0, 2))

    def test_curve_means_per_tau(self):
        rows = plot_prompt.tau_domain_of([row("mipv6-eap-aka", "down", "900", 40, rtt=20),
                                          row("mipv6-eap-aka", "down", "920", 40, rtt=20),
                                          row("mipv6-eap-aka", "down", "1000", 40, rtt=40)])
        c = plot_prompt.curve(rows, "tau_domain_ms")
        self.assertEqual(c["mipv6-eap-aka"], [(10.0, 910.0), (20.0, 1000.0)])


if __name__ == "__main__":
    unittest.main()
