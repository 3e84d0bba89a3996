# SPDX-License-Identifier: GPL-2.0-only
"""Closed-form handover model of the FPMIPv6 paper (Sec. 4.2, Eq. 1-9).

All times are in ms. Parameters, in the paper's notation:
    tp  Tpred, time from the prediction to the loss of the old link
    D   DHO,L2, layer-2 handover delay (detach -> new MAG knows of the attach)
    Rl  RTT_MAG-LMA
    Rm  RTT_MAG-MAG
    Ra  RTT_MAG-AP

Each function takes tp as a number or a sequence of numbers (then it returns
a list), so the plotter can draw curves without numpy.

Where the extracted text of the paper deviates (the project's reference notes, sec. 2):
  * Eq. 1: the extracted text prints RTT_MAG-MAG as the third term; the
    paper's numbers (no loss when predicted >= 40 ms ahead with the default
    values) need RTT_MAG-LMA there, which is what loss_period() uses.
  * Eq. 2-6 boundaries are taken as REFERENCE.md lists them. The branches
    are evaluated from the largest tp down, so each boundary belongs to
    exactly one branch. With D >= Ra (the paper's case) the curve is
    continuous at every boundary; with D < Ra the Eq. 4 range is empty and
    the curve jumps at tp = Rl + Rm/2 (from Ra down to D), because Eq. 3 and
    Eq. 5 then overlap.
"""

DEFAULTS = dict(D=11.0, Rl=30.0, Rm=10.0, Ra=5.0)


def _over_tp(fn):
    """Let fn(tp, D, Rl, Rm, Ra) accept a sequence of tp values too."""

    def wrapper(tp, D, Rl, Rm, Ra):
        if hasattr(tp, "__iter__"):
            return [fn(float(t), D, Rl, Rm, Ra) for t in tp]
        return fn(float(tp), D, Rl, Rm, Ra)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


# --- Boundaries of the piecewise latency (Eq. 2-6), shared with the tests ---

def latency_boundaries(D, Rl, Rm, Ra):
    """Tpred values where Eq. 2-6 hand over to the next branch, largest first.

    Returns (b2, b3, b4, b5):
        tp >= b2           Eq. 2
        b3 < tp < b2       Eq. 3
        b4 < tp <= b3      Eq. 4
        b5 < tp <= b4      Eq. 5
        tp <= b5           Eq. 6
    """
    b2 = Rm + Rl
    b3 = Rl + Rm / 2.0
    b4 = Rl + Rm / 2.0 - (D - Ra)
    b5 = Rl + Ra - Rm / 2.0 - D
    return b2, b3, b4, b5


# --- FPMIPv6, one interface -------------------------------------------------

@_over_tp
def loss_period(tp, D, Rl, Rm, Ra):
    """Eq. 1 (corrected): lHO, ms of traffic lost."""
    return min(Ra, max(0.0, Ra + Rm / 2.0 + Rl - tp))


@_over_tp
def latency(tp, D, Rl, Rm, Ra):
    """Eq. 2-6: dHO with one interface."""
    b2, b3, b4, b5 = latency_boundaries(D, Rl, Rm, Ra)
    if tp >= b2:  # Eq. 2: predicted in time, HAck tells the old MAG
        return D + Rm / 2.0
    if tp > b3:  # Eq. 3: disconnection slightly early, less HAck wait
        return D + tp - Rl - Rm / 2.0
    if tp > b4:  # Eq. 4: new MAG already holds packets at attach
        return D
    if tp > b5:  # Eq. 5: MN waits for the binding update after L2
        return Rl + Rm / 2.0 + Ra - tp
    return D + Rm  # Eq. 6: reactive, forwarding requested from the old MAG


@_over_tp
def extra_delay(tp, D, Rl, Rm, Ra):
    """Eq. 7: dadd = dHO - lHO, the largest extra delay of a packet."""
    return latency(tp, D, Rl, Rm, Ra) - loss_period(tp, D, Rl, Rm, Ra)


# --- FPMIPv6, two interfaces -------------------------------------------------

@_over_tp
def latency_two_interfaces(tp, D, Rl, Rm, Ra):
    """Eq. 8: dHO when the MN's second interface is up before the first drops.

    Replaces Eq. 2-5 above the Eq. 5/6 boundary; Eq. 6 below it.
    """
    b5 = latency_boundaries(D, Rl, Rm, Ra)[3]
    if tp > b5:
        return max(0.0, Rl + Rm / 2.0 + Ra - tp)
    return D + Rm


# The FPMIPv6 paper: "The packet loss due to handover remains the same for the 2
# interface case."
loss_period_two_interfaces = loss_period


@_over_tp
def extra_delay_two_interfaces(tp, D, Rl, Rm, Ra):
    """Eq. 7 with Eq. 8 for dHO."""
    return latency_two_interfaces(tp, D, Rl, Rm, Ra) - loss_period(tp, D, Rl, Rm, Ra)


# --- FPMIPv6, wrong prediction -------------------------------------------------

@_over_tp
def latency_wrong_prediction(tp, D, Rl, Rm, Ra):
    """Eq. 9: dHO when the binding points to a MAG the MN never reaches.

    Independent of tp.
    """
    return Rm / 2.0 + D + min(Rl, 2.0 * Rm) + Ra / 2.0


# The FPMIPv6 paper: "Wrong prediction does not lead to additional packet loss."
loss_period_wrong_prediction = loss_period


@_over_tp
def extra_delay_wrong_prediction(tp, D, Rl, Rm, Ra):
    """The FPMIPv6 paper: packets may be delayed "up to the handover latency" (Eq. 9)."""
    return latency_wrong_prediction(tp, D, Rl, Rm, Ra)


# --- PMIPv6 (RFC 5213) ------------------------------------------------------------

@_over_tp
def pmipv6_latency(tp, D, Rl, Rm, Ra):
    """The FPMIPv6 paper, Sec. 4.3: L2 handover plus one MAG-LMA round trip."""
    return D + Rl


@_over_tp
def pmipv6_loss_period(tp, D, Rl, Rm, Ra):
    """The FPMIPv6 paper, Sec. 4.3: a full AP-LMA round trip plus the L2 handover."""
    return D + Ra + Rl


@_over_tp
def pmipv6_extra_delay(tp, D, Rl, Rm, Ra):
    """PMIPv6 buffers nothing: packets are either lost or on time."""
    return 0.0


# --- Lookup used by the plotter and the fake scenario ------------------------------

MEASURES = ("latency", "loss_period", "extra_delay")

# Short names of the formulas, for legends.
EQUATION = {
    loss_period: "Eq. 1", latency: "Eq. 2-6", extra_delay: "Eq. 7",
    latency_two_interfaces: "Eq. 8", extra_delay_two_interfaces: "Eq. 7 with Eq. 8",
    latency_wrong_prediction: "Eq. 9", extra_delay_wrong_prediction: "up to Eq. 9",
    pmipv6_latency: "D+Rl", pmipv6_loss_period: "D+Ra+Rl", pmipv6_extra_delay: "none",
}

_MODELS = {
    # (scheme, interfaces, wrong_prediction) -> measure -> function
    ("fpmipv6", 1, False): dict(latency=latency, loss_period=loss_period, extra_delay=extra_delay),
    ("fpmipv6", 2, False): dict(latency=latency_two_interfaces,
                                loss_period=loss_period_two_interfaces,
                                extra_delay=extra_delay_two_interfaces),
    ("fpmipv6", 1, True): dict(latency=latency_wrong_prediction,
                               loss_period=loss_period_wrong_prediction,
                               extra_delay=extra_delay_wrong_prediction),
    ("pmipv6", 1, False): dict(latency=pmipv6_latency,
                               loss_period=pmipv6_loss_period,
                               extra_delay=pmipv6_extra_delay),
}


def model_for(scheme, interfaces=1, wrong_prediction=False):
    """The FPMIPv6 paper's functions for a scheme variant, or None if the paper has none.

    Returns a dict measure -> function(tp, D, Rl, Rm, Ra) with the measures of
    MEASURES. The paper models neither RFC 5949 (pfmipv6-*) nor PMIPv6 with
    two interfaces or a wrong prediction.
    """
    return _MODELS.get((scheme, int(interfaces), bool(wrong_prediction)))
