#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
"""The ProMPt paper's Table 2 and completion-time curves from the scenario's CSV.

Usage: python3 plotting/plot_prompt.py OUTDIR

OUTDIR holds what scenarios/run-prompt.sh writes: prompt-table2-zero.csv and
prompt-table2-testbed.csv (free processing; the testbed's processing and
route-switch delays), prompt-buffered.csv (MAP buffering), prompt-tau-domain.csv, prompt-tau-internet.csv and
prompt-mipv6-reverse.csv, each with one row per handover and direction of
`handover-scenario` (columns completion_ms, lost_packets, direction, ...).

Prints Table 2 beside the paper's: the completion time (from the MN's first
message to the target AR, or on the new link, to the MAP's route switch or
the Binding Acknowledgement) as mean +- 95 % confidence interval over the
handovers, and the packets lost up and down (mean +- 95 % CI per handover).
Writes OUTDIR/prompt-completion.png|pdf: the completion time against
tau_Domain and against tau_Internet for the three schemes; and, from
prompt-throughput.csv, OUTDIR/prompt-throughput.png|pdf: throughput over time
(0.5 s bins) of a 5 Mbit/s UDP flow and a TCP bulk flow, one panel per scheme
(the paper's Fig. 5-7).

Needs Debian's python3-matplotlib, i.e. /usr/bin/python3.
"""

import csv
import math
import os
import sys
from collections import defaultdict

SCHEMES = ["prompt-scheduled", "prompt-unscheduled", "mipv6-eap-aka"]
LABELS = {
    "prompt-scheduled": "ProMPt scheduled",
    "prompt-unscheduled": "ProMPt unscheduled",
    "mipv6-eap-aka": "Mobile IPv6 + EAP-AKA",
}
# The ProMPt paper, Table 2: completion (ms, +- ms), packets lost (total, or up / down).
PAPER = {
    "prompt-scheduled": (48, 1, "8 +- 1"),
    "prompt-unscheduled": (71, 2, "10 +- 2"),
    "mipv6-eap-aka": (970, 10, "23 +- 1 up, 59 +- 2 down"),
}

# Two-sided 95 % Student t quantiles for dof 1..30, then the normal value.
_T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
         2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
         2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def mean_ci95(values):
    """(mean, half-width of the 95 % interval of the mean); 0 width for one value."""
    n = len(values)
    if n == 0:
        return float("nan"), float("nan")
    mean = sum(values) / n
    if n == 1:
        return mean, 0.0
    var = sum((v - mean) ** 2 for v in values) / (n - 1)
    t = _T975[n - 2] if n - 1 <= len(_T975) else 1.96
    return mean, t * math.sqrt(var / n)


def read_rows(path):
    """The CSV's rows; provenance lines (# key: value) are skipped."""
    with open(path, newline="") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def table2(rows):
    """Per scheme: completion (mean, ci), lost up (mean, ci), lost down (mean, ci), handovers."""
    completion = defaultdict(list)
    lost = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r["completion_ms"] == "":
            continue
        lost[r["scheme"]][r["direction"]].append(float(r["lost_packets"]))
        if r["direction"] == "down":  # one completion per handover
            completion[r["scheme"]].append(float(r["completion_ms"]))
    out = {}
    for s in completion:
        out[s] = (mean_ci95(completion[s]), mean_ci95(lost[s]["up"]),
                  mean_ci95(lost[s]["down"]), len(completion[s]))
    return out


def format_table(title, table):
    lines = [title,
             "%-24s %-22s %-18s %-18s %-22s %s" % ("scheme", "completion (ms)", "lost up",
                                                  "lost down", "paper (ms)", "paper lost")]
    for s in SCHEMES:
        if s not in table:
            continue
        (c, cci), (u, uci), (d, dci), n = table[s]
        pm, pci, plost = PAPER[s]
        lines.append("%-24s %8.1f +- %-9.1f %5.1f +- %-8.1f %5.1f +- %-8.1f %6d +- %-11d %s   (%d handovers)"
                     % (LABELS[s], c, cci, u, uci, d, dci, pm, pci, plost, n))
    return "\n".join(lines)


def curve(rows, column):
    """scheme -> sorted [(tau ms, mean completion ms)]."""
    points = defaultdict(lambda: defaultdict(list))
    for r in rows:
        if r["completion_ms"] == "" or r["direction"] != "down":
            continue
        points[r["scheme"]][float(r[column])].append(float(r["completion_ms"]))
    return {s: sorted((t, sum(v) / len(v)) for t, v in p.items()) for s, p in points.items()}


def tau_domain_of(rows):
    # The CSV gives the AR-MAP round trip as rtt_mag_lma_ms = 2 tau_Domain.
    for r in rows:
        r["tau_domain_ms"] = str(float(r["rtt_mag_lma_ms"]) / 2)
    return rows


def plot(outdir, by_domain, by_internet):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    for ax, data, xlabel in ((axes[0], by_domain, "tau_Domain (ms, one way MAP-AR)"),
                             (axes[1], by_internet, "tau_Internet (ms, one way)")):
        for s in SCHEMES:
            if s in data:
                xs, ys = zip(*data[s])
                ax.plot(xs, ys, marker="o", label=LABELS[s])
        ax.set_xlabel(xlabel)
        ax.set_ylabel("completion time (ms)")
        ax.set_yscale("log")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].legend()
    fig.suptitle("The ProMPt paper's set-up: protocol completion time (simulated, processing 0)")
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(os.path.join(outdir, "prompt-completion." + ext))


def throughput(rows):
    """(scheme, flow) -> [(time s, Mbit/s)] in time order."""
    out = defaultdict(list)
    for r in rows:
        out[(r["scheme"], r["flow"])].append((float(r["time_s"]), float(r["throughput_mbps"])))
    return {k: sorted(v) for k, v in out.items()}


def plot_throughput(outdir, series):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(3, 1, figsize=(10, 8), sharey=True)
    for ax, s in zip(axes, SCHEMES):
        for flow, style in (("udp", "-"), ("tcp", "--")):
            if (s, flow) in series:
                xs, ys = zip(*series[(s, flow)])
                ax.step(xs, ys, style, where="post", label=flow.upper())
        ax.set_title(LABELS[s], fontsize=10)
        ax.set_ylabel("Mbit/s")
        ax.grid(True, alpha=0.3)
    axes[0].legend(loc="lower right")
    axes[-1].set_xlabel("time (s); handovers every 5 s (UDP run) or 10 s (TCP run)")
    fig.suptitle("Throughput MN -> CN in 0.5 s bins (simulated; the ProMPt paper's Fig. 5-7)")
    fig.tight_layout()
    for ext in ("png", "pdf"):
        fig.savefig(os.path.join(outdir, "prompt-throughput." + ext))


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    outdir = argv[1]
    for name, title in (("table2-zero", "Table 2, processing 0, route switch 0"),
                        ("table2-testbed", "Table 2, the testbed's parameters "
                                           "(processing 1.5 ms per message, route switch 31.7 ms)"),
                        ("buffered", "ProMPt with MAP buffering, the testbed's parameters "
                                     "(the paper's sec. 6 outlook)"),
                        ("mipv6-reverse", "Mobile IPv6 + EAP-AKA with the RFC's reverse tunnelling "
                                          "(processing 0)")):
        path = os.path.join(outdir, "prompt-%s.csv" % name)
        if os.path.exists(path):
            print(format_table(title, table2(read_rows(path))))
            print()
    dom = os.path.join(outdir, "prompt-tau-domain.csv")
    net = os.path.join(outdir, "prompt-tau-internet.csv")
    if os.path.exists(dom) and os.path.exists(net):
        by_domain = curve(tau_domain_of(read_rows(dom)), "tau_domain_ms")
        by_internet = curve(read_rows(net), "tau_internet_ms")
        for title, data in (("tau_Domain", by_domain), ("tau_Internet", by_internet)):
            print("completion (ms) against %s:" % title)
            for s in SCHEMES:
                if s in data:
                    print("  %-24s %s" % (LABELS[s], "  ".join("%g:%.1f" % p for p in data[s])))
        if "prompt-scheduled" in by_domain and "prompt-unscheduled" in by_domain:
            diffs = ["%g:%.2f" % (t, u - s) for (t, s), (_, u)
                     in zip(by_domain["prompt-scheduled"], by_domain["prompt-unscheduled"])]
            print("unscheduled - scheduled (ms) against tau_Domain (one AR-MAP RTT = 2 tau_Domain): "
                  + "  ".join(diffs))
        plot(outdir, by_domain, by_internet)
    tput = os.path.join(outdir, "prompt-throughput.csv")
    if os.path.exists(tput):
        series = throughput(read_rows(tput))
        print("throughput (Mbit/s, mean over the run; min bin):")
        for (s, flow), points in sorted(series.items()):
            values = [v for _, v in points]
            print("  %-24s %s  mean %.2f  min %.2f" % (LABELS.get(s, s), flow, sum(values) / len(values),
                                                      min(values)))
        plot_throughput(outdir, series)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
