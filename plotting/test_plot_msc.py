# SPDX-License-Identifier: GPL-2.0-only
"""Checks plot_msc.py on a hand-written event trace: which events make up a
handover's chart, how sends pair with receives, and that a chart is drawn.

Run: /usr/bin/python3 plotting/test_plot_msc.py
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import plot_msc  # noqa: E402

TRACE = """# program: handover-scenario
# command_line: --scheme=fpmipv6 --tpred=40ms --handovers=2
time_ms,node,event,message,mn,peer,uid,details
10.0,MN0,link-up,,MN0,MAG0,0,ideal access
42.5,MN0,receive,RA,MN0,MAG0,5,
960.0,MAG0,send,HI,MN0,MAG1,100,"HandoverInitiate (seq=1, flags=UP)"
965.0,MAG1,receive,HI,MN0,MAG0,100,
965.0,MAG1,send,PBU,MN0,LMA,101,
980.0,LMA,receive,PBU,MN0,MAG1,101,
980.0,LMA,send,PBA,MN0,MAG1,102,
990.0,MAG0,send,HAck,MN1,MAG1,103,another MN's message
995.0,MAG1,receive,PBA,MN0,LMA,102,
995.0,MAG1,send,HAck,MN0,MAG0,104,lost on the way
996.0,MAG1,buffered,,MN0,,200,72 bytes
1000.0,MN0,link-down,,MN0,MAG0,0,ideal access
1011.0,MN0,link-up,,MN0,MAG1,0,ideal access
1011.0,MAG1,send,RA,MN0,MN0,0,
1013.5,MN0,receive,RA,MN0,MAG1,300,
2000.0,MN0,link-down,,MN0,MAG1,0,ideal access
2011.0,MN0,link-up,,MN0,MAG0,0,ideal access
"""


class PlotMsc(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="msc-test-")
        cls.trace = os.path.join(cls.dir, "trace.csv")
        with open(cls.trace, "w") as f:
            f.write(TRACE)
        cls.rows, cls.fields = plot_msc.read_trace(cls.trace)

    def test_provenance_and_scheme(self):
        self.assertEqual(self.fields["program"], "handover-scenario")
        self.assertEqual(plot_msc.scheme_of(self.fields), "fpmipv6, Tpred 40ms")

    def test_first_handover_window(self):
        mn, t_down, events = plot_msc.select_handover(self.rows)
        self.assertEqual((mn, t_down), ("MN0", 1000.0))
        times = [e["time_ms"] for e in events]
        # After the RA that ended the initial attach, before the next loss;
        # only MN0's events (not MN1's HAck).
        self.assertEqual(min(times), 960.0)
        self.assertEqual(max(times), 1013.5)
        self.assertNotIn("another MN's message", [e["details"] for e in events])

    def test_second_handover(self):
        mn, t_down, events = plot_msc.select_handover(self.rows, "MN0", 1)
        self.assertEqual(t_down, 2000.0)
        self.assertEqual([e["event"] for e in events], ["link-down", "link-up"])

    def test_sends_pair_with_receives_by_uid(self):
        _, _, events = plot_msc.select_handover(self.rows)
        arrows = {(s["message"], s["node"]): r for s, r in plot_msc.message_arrows(events)}
        self.assertEqual(arrows[("HI", "MAG0")]["time_ms"], 965.0)
        self.assertEqual(arrows[("PBU", "MAG1")]["node"], "LMA")
        self.assertEqual(arrows[("PBA", "LMA")]["time_ms"], 995.0)
        self.assertIsNone(arrows[("HAck", "MAG1")])  # never received: drawn as lost
        self.assertEqual(arrows[("RA", "MAG1")]["time_ms"], 1013.5)

    def test_lifelines_in_order(self):
        _, _, events = plot_msc.select_handover(self.rows)
        self.assertEqual(plot_msc.lifelines(events), ["MN0", "MAG0", "MAG1", "LMA"])

    def test_draws_png_and_pdf(self):
        for ext, magic in ((".png", b"\x89PNG"), (".pdf", b"%PDF")):
            out = os.path.join(self.dir, "msc" + ext)
            self.assertEqual(plot_msc.main([self.trace, out]), 0)
            with open(out, "rb") as f:
                self.assertEqual(f.read(4), magic)

    def test_too_few_handovers_is_an_error(self):
        with self.assertRaises(SystemExit):
            plot_msc.select_handover(self.rows, "MN0", 5)


if __name__ == "__main__":
    unittest.main(verbosity=2)
