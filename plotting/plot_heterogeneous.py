#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""Heterogeneous-access figure from scenarios/heterogeneous.py's tidy CSV.

Usage: python3 plotting/plot_heterogeneous.py HETEROGENEOUS.csv OUTDIR

Writes OUTDIR/heterogeneous.png and .pdf: handover latency and loss period
(means with 95 % confidence intervals, downlink and uplink) of each scheme
for Wi-Fi -> LTE and LTE -> Wi-Fi, with the X2 handover inside one LTE MAG
as a dashed baseline, and the mean measured DHO,L2 in each panel's title.
It also prints the table. Every number comes from simulated packets.

Needs Debian's python3-matplotlib, i.e. /usr/bin/python3.
"""
import csv
import math
import os
import sys

LABELS = {"pmipv6": "PMIPv6", "fpmipv6": "FPMIPv6", "pfmipv6-predictive": "PFMIPv6 pred.",
          "pfmipv6-reactive": "PFMIPv6 react."}
ORDER = ["pmipv6", "fpmipv6", "pfmipv6-predictive", "pfmipv6-reactive"]
DIRECTIONS = ["Wi-Fi->LTE", "LTE->Wi-Fi"]
BASELINE = "X2 (LTE)"
MEASURES = [("latency", "handover latency (ms)"), ("loss_period", "loss period (ms)")]


def load(path):
    """Rows with numbers as floats; keyed (handover, scheme, flow)."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    table = {}
    for row in rows:
        for key in list(row):
            if key.endswith("_ms") or key in ("n", "lost_packets_mean"):
                row[key] = float(row[key]) if row[key] not in ("", "nan") else math.nan
        table[(row["handover"], row["scheme"], row["flow"])] = row
    return table


def text_table(table):
    """The rows as aligned text: handover, scheme, flow, latency, loss, lost packets, DHO,L2."""
    out = ["%-11s %-15s %-4s %17s %17s %9s %9s" % ("handover", "scheme", "flow", "latency (ms)",
                                                    "loss (ms)", "lost pkts", "DHO,L2")]
    for handover in DIRECTIONS + [BASELINE]:
        for scheme in ORDER:
            for flow in ("down", "up"):
                r = table.get((handover, scheme, flow))
                if r:
                    out.append("%-11s %-15s %-4s %8.1f +- %5.1f %8.1f +- %5.1f %9.1f %9.1f" % (
                        handover, LABELS[scheme], flow, r["latency_mean_ms"],
                        nan0(r["latency_ci95_ms"]), r["loss_period_mean_ms"],
                        nan0(r["loss_period_ci95_ms"]), r["lost_packets_mean"],
                        r["dho_l2_mean_ms"]))
    return "\n".join(out)


def nan0(x):
    return 0.0 if math.isnan(x) else x


def draw(table, outdir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    schemes = [s for s in ORDER if any((d, s, "down") in table for d in DIRECTIONS)]
    fig, axes = plt.subplots(len(MEASURES), len(DIRECTIONS), figsize=(10, 6.5), squeeze=False)
    width = 0.38
    for col, handover in enumerate(DIRECTIONS):
        # The link layer's own handover, where no scheme brought the new link up ahead.
        plain = table.get((handover, "pmipv6", "down"))
        for row, (measure, ylabel) in enumerate(MEASURES):
            ax = axes[row][col]
            for k, flow in enumerate(("down", "up")):
                means = [table.get((handover, s, flow), {}).get(measure + "_mean_ms", math.nan)
                         for s in schemes]
                cis = [nan0(table.get((handover, s, flow), {}).get(measure + "_ci95_ms", 0))
                       for s in schemes]
                xs = [i + (k - 0.5) * width for i in range(len(schemes))]
                ax.bar(xs, means, width, yerr=cis, capsize=3,
                       label="downlink" if flow == "down" else "uplink",
                       color="#1f77b4" if flow == "down" else "#ff7f0e")
            base = table.get((BASELINE, "pmipv6", "down"))
            if base:
                ax.axhline(base[measure + "_mean_ms"], color="grey", linestyle="--",
                           linewidth=1, label="X2 inside one LTE MAG (down)")
            ax.set_xticks(range(len(schemes)))
            ax.set_xticklabels([LABELS[s] for s in schemes], fontsize=8)
            ax.set_ylabel(ylabel)
            title = handover.replace("->", " \u2192 ")
            if plain:
                title += "  (measured DHO,L2 %.1f ms)" % plain["dho_l2_mean_ms"]
            ax.set_title(title, fontsize=9)
            ax.grid(axis="y", alpha=0.3)
            if row == 0 and col == 0:
                ax.legend(fontsize=7)
    fig.suptitle("Wi-Fi + LTE mobile node: inter-technology handovers (packet-level, "
                 "95 % CI)", fontsize=10)
    fig.tight_layout()
    os.makedirs(outdir, exist_ok=True)
    paths = []
    for ext in ("png", "pdf"):
        path = os.path.join(outdir, "heterogeneous." + ext)
        fig.savefig(path, dpi=120)
        paths.append(path)
    plt.close(fig)
    return paths


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    table = load(argv[1])
    if not table:
        sys.exit("plot_heterogeneous.py: %s has no rows" % argv[1])
    print(text_table(table))
    for path in draw(table, argv[2]):
        print("  " + path)


if __name__ == "__main__":
    main(sys.argv)
