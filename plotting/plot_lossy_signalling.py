#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Lossy signalling: handover completion and latency against the loss probability.

Usage: python3 plotting/plot_lossy_signalling.py STUDY.csv OUTDIR [HALF_WINDOW_MS]

STUDY.csv holds the rows of `handover-scenario --completion` (one per
handover and direction; scenarios/run-lossy-signalling.sh makes it). A
handover counts as completed when both its directions did: the new MAG got a
PBA for the MN and probe packets sent after the attach there arrived, before
the MN's next handover (HandoverMeasurementHelper::Result::completed). Its
latency is the downlink dHO (longest reception gap in its window, which ends
HALF_WINDOW_MS, default 50000 = half the spacing, after the link loss: a
handover completing later shows about that) of completed handovers.

Writes OUTDIR/lossy-signalling.png and .pdf: completion rate (with a 95 %
Wilson interval) and the latency distribution (box: quartiles, whiskers: 5th
and 95th percentiles, dots beyond) against P, one colour per scheme. Prints a
table: per scheme and P, handovers, completion rate, latency percentiles, and
the half-registered states CheckBindings found at the end of the runs. The
latency of a completed handover whose predecessor in the same run did not
complete, or registered only after its window, is left out (the MN arrived
without service: the longest gap of its window is the earlier outage); the
table counts them ("no-lat").

Needs Debian's python3-matplotlib, i.e. /usr/bin/python3.
"""

import csv
import math
import os
import sys
from collections import defaultdict

LABELS = {
    "pmipv6": "PMIPv6",
    "fpmipv6": "FPMIPv6 (the FPMIPv6 paper), Tpred 40 ms",
    "pfmipv6-predictive": "RFC 5949 predictive, Tpred 40 ms",
    "pfmipv6-reactive": "RFC 5949 reactive",
}
COLOURS = ["tab:blue", "tab:red", "tab:green", "tab:purple", "tab:orange"]


def percentile(values, q):
    """Linear-interpolated q-th percentile (0..100) of a non-empty list."""
    v = sorted(values)
    if len(v) == 1:
        return v[0]
    pos = (len(v) - 1) * q / 100.0
    lo = int(math.floor(pos))
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def wilson(k, n, z=1.96):
    """95 % Wilson score interval of a proportion k/n."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def load(path):
    """(scheme, P) -> {"handovers": {key: {dir: row}}, "problems": {run: n}}."""
    data = defaultdict(
        lambda: {"handovers": defaultdict(dict), "problems": {}, "registering": {}}
    )
    with open(path, newline="") as f:
        # Provenance lines ("# key: value") come first: skip them.
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            point = data[(row["scheme"], float(row["signalling_loss"]))]
            run = int(row["run"])
            point["handovers"][(run, int(row["handover"]))][row["direction"]] = row
            point["problems"][run] = int(row["binding_problems"])
            point["registering"][run] = int(row["registering_at_end"])
    return data


def summarise(data, half_window_ms=50000.0):
    """Per (scheme, P): n, completed, Wilson interval, latencies (ms), problems."""
    out = {}
    for key, point in data.items():
        n = 0
        done = 0
        latencies = []
        inherited = 0
        handovers = point["handovers"]
        for (run, k), dirs in sorted(handovers.items()):
            if set(dirs) != {"down", "up"}:
                continue
            n += 1
            if all(r["completed"] == "1" for r in dirs.values()):
                done += 1
                before = handovers.get((run, k - 1))
                if before and (
                    not all(r["completed"] == "1" for r in before.values())
                    or float(before["down"]["registered_ms"] or "inf") >= half_window_ms
                ):
                    # The MN arrived here without service (the previous
                    # handover never completed, or only after its window):
                    # this window's longest gap is that outage, not ours.
                    inherited += 1
                    continue
                latencies.append(float(dirs["down"]["latency_ms"]))
        out[key] = {
            "n": n,
            "completed": done,
            "ci": wilson(done, n),
            "latencies": latencies,
            "inherited": inherited,
            "problems": sum(point["problems"].values()),
            "registering": sum(point["registering"].values()),
            "runs": len(point["problems"]),
        }
    return out


def table(summary):
    lines = [
        "scheme               P     handovers  completed        95% CI          "
        "latency ms: p50     p90     p99     max  no-lat  half-reg.  registering  runs"
    ]
    for (scheme, p), s in sorted(summary.items()):
        lat = s["latencies"]
        pct = [percentile(lat, q) for q in (50, 90, 99)] + [max(lat)] if lat else [math.nan] * 4
        lines.append(
            "%-20s %4.2f  %9d  %6.1f %%  [%5.1f, %5.1f] %%  %12.0f %7.0f %7.0f %7.0f  %6d  %9d  %11d  %4d"
            % (
                scheme,
                p,
                s["n"],
                100.0 * s["completed"] / s["n"] if s["n"] else math.nan,
                100 * s["ci"][0],
                100 * s["ci"][1],
                *pct,
                s["inherited"],
                s["problems"],
                s["registering"],
                s["runs"],
            )
        )
    lines.append(
        "completed: both directions registered at the new MAG and flowed again before the "
        "next handover; latency: downlink dHO of completed handovers in their window (no-lat: "
        "completed, but the previous handover had not, or only after its window, so the "
        "window's gap is not theirs); half-reg.: "
        "CheckBindings problems at the end of the runs; registering: MNs whose MAG was still "
        "retransmitting its PBU at the end"
    )
    return "\n".join(lines)


def plot(summary, outdir):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        sys.exit(
            "plot_lossy_signalling.py: matplotlib missing; run it with /usr/bin/python3 "
            "(Debian's python3-matplotlib)"
        )
    schemes = sorted({s for s, _ in summary}, key=lambda s: list(LABELS).index(s) if s in LABELS else 99)
    losses = sorted({p for _, p in summary})
    fig, (ax1, ax2) = plt.subplots(
        2, 1, figsize=(8, 8.5), sharex=True, gridspec_kw={"height_ratios": [1, 1.6]}
    )
    step = min(b - a for a, b in zip(losses, losses[1:])) if len(losses) > 1 else 0.1
    width = 0.8 * step / max(1, len(schemes))
    for i, scheme in enumerate(schemes):
        colour = COLOURS[i % len(COLOURS)]
        offset = (i - (len(schemes) - 1) / 2) * width
        xs, ys, lo, hi = [], [], [], []
        for p in losses:
            s = summary.get((scheme, p))
            if not s or not s["n"]:
                continue
            rate = 100.0 * s["completed"] / s["n"]
            xs.append(100 * (p + offset))
            ys.append(rate)
            lo.append(max(0.0, rate - 100 * s["ci"][0]))
            hi.append(max(0.0, 100 * s["ci"][1] - rate))
        ax1.errorbar(xs, ys, yerr=[lo, hi], marker="o", capsize=3, color=colour,
                     label=LABELS.get(scheme, scheme))
        boxes = [summary[(scheme, p)]["latencies"] or [math.nan] for p in losses
                 if (scheme, p) in summary]
        positions = [100 * (p + offset) for p in losses if (scheme, p) in summary]
        bp = ax2.boxplot(boxes, positions=positions, widths=100 * width * 0.9,
                         whis=(5, 95), patch_artist=True, manage_ticks=False,
                         flierprops={"marker": ".", "markersize": 3,
                                     "markeredgecolor": colour})
        for b in bp["boxes"]:
            b.set_facecolor(colour)
            b.set_alpha(0.45)
            b.set_edgecolor(colour)
        for part in ("whiskers", "caps", "medians"):
            for line in bp[part]:
                line.set_color(colour)
    ax1.axhline(97, color="grey", linestyle=":", linewidth=1)
    ax1.text(100 * losses[0], 97.3, "97 %", color="grey", fontsize=8)
    ax1.set_ylabel("Handovers completed (%)\n(95 % Wilson interval)")
    ax1.set_ylim(min(80, ax1.get_ylim()[0]), 100.8)
    ax1.grid(True, alpha=0.3)
    ax1.legend(fontsize=8, loc="lower left")
    ax1.set_title("Lossy signalling: each Mobility Header message lost with probability P\n"
                  "on MAG-LMA and MAG-MAG links (handovers 100 s apart, RFC 5213 back-off)",
                  fontsize=10)
    # Seamless handovers measure 0 ms: linear below 10 ms, logarithmic above.
    ax2.set_yscale("symlog", linthresh=10, linscale=0.6)
    ax2.set_ylim(0, 1.5e5)
    for t, label in ((1500, "1st retransmission"), (4500, "2nd"), (10500, "3rd"),
                     (22500, "4th"), (46500, "5th")):
        ax2.axhline(t, color="grey", linestyle=":", linewidth=0.8)
        ax2.text(100 * losses[-1] + 100 * step * 0.55, t, label, fontsize=7, color="grey",
                 va="center")
    ax2.set_ylabel("Downlink handover latency $d_{HO}$ (ms, log above 10)\n"
                   "box: quartiles, whiskers: 5th-95th percentile")
    ax2.set_xlabel("Mobility Header loss probability P (%)")
    ax2.set_xticks([100 * p for p in losses])
    ax2.set_xlim(100 * (losses[0] - step * 0.7), 100 * (losses[-1] + step * 1.6))
    ax2.grid(True, axis="y", alpha=0.3)
    fig.tight_layout()
    os.makedirs(outdir, exist_ok=True)
    for ext in ("png", "pdf"):
        fig.savefig(os.path.join(outdir, "lossy-signalling." + ext), dpi=130)
    plt.close(fig)


def main(argv):
    if len(argv) not in (3, 4):
        sys.exit(__doc__)
    half_window_ms = float(argv[3]) if len(argv) == 4 else 50000.0
    summary = summarise(load(argv[1]), half_window_ms)
    if not summary:
        sys.exit("plot_lossy_signalling.py: no rows in %s" % argv[1])
    print(table(summary))
    plot(summary, argv[2])


if __name__ == "__main__":
    main(sys.argv)
