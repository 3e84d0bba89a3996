# SPDX-License-Identifier: GPL-2.0-only
"""Checks analytic.py against the numbers the FPMIPv6 paper quotes for Fig. 7.

Run: python3 plotting/test_analytic.py (exit status non-zero on failure).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import analytic as a  # noqa: E402

P = a.DEFAULTS  # D=11, Rl=30, Rm=10, Ra=5
TP_GRID = [i / 10.0 for i in range(0, 801)]  # 0 .. 80 ms in 0.1 ms steps


def at(fn, tp, **params):
    return fn(tp, **dict(P, **params))


class HeadlineNumbers(unittest.TestCase):
    """The FPMIPv6 paper, Sec. 4.3 and REFERENCE.md sec. 2 'Headline numbers'."""

    def test_predicted_early_enough(self):
        for tp in (40, 45, 60, 1000):
            self.assertAlmostEqual(at(a.latency, tp), 16.0)
            self.assertAlmostEqual(at(a.loss_period, tp), 0.0)

    def test_unpredicted(self):
        self.assertAlmostEqual(at(a.latency, 0), 21.0)
        self.assertAlmostEqual(at(a.loss_period, 0), 5.0)

    def test_pmipv6(self):
        for tp in (0, 30, 60):
            self.assertAlmostEqual(at(a.pmipv6_latency, tp), 41.0)
            self.assertAlmostEqual(at(a.pmipv6_loss_period, tp), 46.0)

    def test_two_interfaces(self):
        for tp in (40, 50, 60):
            self.assertAlmostEqual(at(a.latency_two_interfaces, tp), 0.0)
            self.assertAlmostEqual(at(a.loss_period_two_interfaces, tp), 0.0)
        self.assertAlmostEqual(at(a.latency_two_interfaces, 0), 21.0)

    def test_wrong_prediction(self):
        for tp in (0, 20, 60):
            self.assertAlmostEqual(at(a.latency_wrong_prediction, tp), 38.5)

    def test_extra_delay_up_to_16(self):
        self.assertAlmostEqual(max(at(a.extra_delay, TP_GRID)), 16.0)
        self.assertTrue(all(d >= 0 for d in at(a.extra_delay, TP_GRID)))


class PiecewiseBranches(unittest.TestCase):
    """Each branch of Eq. 2-6 at one interior point (defaults: 19, 29, 35, 40)."""

    def test_boundaries(self):
        self.assertEqual(a.latency_boundaries(**P), (40.0, 35.0, 29.0, 19.0))

    def test_branch_values(self):
        self.assertAlmostEqual(at(a.latency, 50), 16.0)  # Eq. 2
        self.assertAlmostEqual(at(a.latency, 37), 13.0)  # Eq. 3: 11 + 37 - 35
        self.assertAlmostEqual(at(a.latency, 32), 11.0)  # Eq. 4
        self.assertAlmostEqual(at(a.latency, 24), 16.0)  # Eq. 5: 30 + 5 + 5 - 24
        self.assertAlmostEqual(at(a.latency, 10), 21.0)  # Eq. 6
        self.assertAlmostEqual(at(a.loss_period, 37.5), 2.5)  # Eq. 1 ramp

    def test_loss_period_corrected_eq1(self):
        # With RTT_MAG-MAG printed in the third term (the extraction error)
        # loss would already vanish at tp = 20; the paper says 40.
        self.assertGreater(at(a.loss_period, 39), 0.0)
        self.assertAlmostEqual(at(a.loss_period, 35), 5.0)


class Continuity(unittest.TestCase):
    """The curves of Fig. 7 are continuous; check every boundary of Eq. 1-8."""

    EPS = 1e-7

    def assertContinuousAt(self, fn, tp, params):
        left = fn(tp - self.EPS, **params)
        right = fn(tp + self.EPS, **params)
        self.assertAlmostEqual(left, right, delta=1e-5,
                               msg="%s jumps at tp=%g (%g -> %g), %s"
                               % (fn.__name__, tp, left, right, params))

    def check_all(self, params):
        b2, b3, b4, b5 = a.latency_boundaries(**params)
        for b in (b2, b3, b4, b5):
            self.assertContinuousAt(a.latency, b, params)
            self.assertContinuousAt(a.extra_delay, b, params)
        self.assertContinuousAt(a.latency_two_interfaces, b5, params)
        ramp_end = params["Ra"] + params["Rm"] / 2 + params["Rl"]
        for b in (ramp_end - params["Ra"], ramp_end):
            self.assertContinuousAt(a.loss_period, b, params)

    def test_defaults(self):
        self.check_all(P)

    def test_other_parameters_with_d_at_least_ra(self):
        for params in (dict(D=20.0, Rl=50.0, Rm=4.0, Ra=2.0),
                       dict(D=5.0, Rl=30.0, Rm=10.0, Ra=5.0),   # D = Ra: Eq. 4 is one point
                       dict(D=11.0, Rl=12.0, Rm=10.0, Ra=1.0)):
            self.check_all(params)

    def test_jump_when_d_below_ra(self):
        # The one discontinuity: D < Ra leaves Eq. 4 empty and Eq. 3 / Eq. 5
        # overlap; the curve drops from Ra to D at tp = Rl + Rm/2.
        params = dict(D=2.0, Rl=30.0, Rm=10.0, Ra=5.0)
        b3 = a.latency_boundaries(**params)[1]
        self.assertAlmostEqual(a.latency(b3, **params), 5.0)
        self.assertAlmostEqual(a.latency(b3 + self.EPS, **params), 2.0, places=5)


class Interface(unittest.TestCase):
    def test_sequence_in_list_out(self):
        self.assertEqual(at(a.latency, [0, 50]), [21.0, 16.0])

    def test_model_for(self):
        self.assertIs(a.model_for("fpmipv6", 2, False)["latency"], a.latency_two_interfaces)
        self.assertIs(a.model_for("pmipv6")["loss_period"], a.pmipv6_loss_period)
        self.assertIsNone(a.model_for("pfmipv6-predictive"))
        for key in a._MODELS:
            self.assertEqual(set(a._MODELS[key]), set(a.MEASURES))


if __name__ == "__main__":
    unittest.main()
