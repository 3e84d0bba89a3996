#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""The Context Reflector paper's sec. 5.2 curves and its Table 1, from the
per-handover rows scenarios/run-context-reflector.sh wrote (raw-sec52.csv,
raw-table1.csv). Every number is a mean over measured handovers; the
paper's expressions (PMIPv6: DHO,L2 + RTT_MAG-LMA + 1.6776 ms; Context
Reflector: DHO,L2) are drawn beside, never used for a result.

  plot_context_reflector.py OUTDIR   -> OUTDIR/sec52.csv, OUTDIR/table1.csv,
                                        OUTDIR/plots/sec52.png, OUTDIR/plots/table1.png
"""
import csv
import os
import statistics
import sys
from collections import defaultdict

PROCESSING_MS = 0.2767 + 0.5978 + 0.8031  # the paper's sec. 5.2, 1.6776 ms

# Which agents each scheme extends, as its scenario scheme configures them
# (helper/fast-handover-schemes.cc, helper/context-transfer-schemes.cc).
EXTENDED = {
    "pmipv6": "none",
    "fpmipv6": "pMAG, nMAG (+ LMA uplink allowance)",
    "pfmipv6-predictive": "pMAG, nMAG (+ LMA uplink allowance)",
    "pfmipv6-reactive": "pMAG, nMAG (+ LMA uplink allowance)",
    "fhs": "LMA, pMAG, nMAG",
    "fhs-wrong": "LMA, pMAG, nMAG",
    "cr-buffer": "LMA, pMAG, nMAG",
    "cr-forward": "LMA, pMAG, nMAG",
    "cr-forward-wrong": "LMA, pMAG, nMAG",
}
TABLE_ORDER = list(EXTENDED)


def read(path):
    with open(path) as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def mean(rows, key):
    values = [float(r[key]) for r in rows if r.get(key) not in (None, "", "nan")]
    return statistics.mean(values) if values else float("nan")


def access_label(r):
    if r["access"] == "wifi":
        return "wifi"
    return "ideal, DHO,L2 %g ms" % float(r["dho_l2_ms"])


def sec52(rows):
    groups = defaultdict(list)
    for r in rows:
        groups[(access_label(r), r["variant"], float(r["rtt_mag_lma_ms"]))].append(r)
    out = []
    for (access, variant, rtt), rs in sorted(groups.items()):
        down = [r for r in rs if r["direction"] == "down"]
        up = [r for r in rs if r["direction"] == "up"]
        dho = mean(down, "dho_l2_ms")
        paper = dho + rtt + PROCESSING_MS if variant == "pmipv6" else dho
        out.append(dict(access=access, variant=variant, rtt_mag_lma_ms=rtt, handovers=len(down),
                        dho_l2_ms=round(dho, 3),
                        latency_ms=round(mean(down, "latency_ms"), 3),
                        loss_period_ms=round(mean(down, "loss_period_ms"), 3),
                        uplink_loss_period_ms=round(mean(up, "loss_period_ms"), 3),
                        max_extra_delay_ms=round(mean(down, "max_extra_delay_ms"), 3),
                        paper_drop_period_ms=round(paper, 3),
                        deviation_ms=round(mean(down, "latency_ms") - paper, 3)))
    return out


SETTINGS = {"A": "D 11 Rl 30", "B": "D 60 Rl 10", "A+AAA": "D 11 Rl 30 AAA 20",
            "B+AAA": "D 60 Rl 10 AAA 20"}


def table1(rows):
    groups = defaultdict(list)
    for r in rows:
        groups[tuple(r["variant"].split(":", 1))].append(r)
    out = []
    for setting, variant in [(s, v) for s in SETTINGS for v in TABLE_ORDER]:
        rs = groups.get((setting, variant))
        if not rs:
            continue
        down = [r for r in rs if r["direction"] == "down"]
        up = [r for r in rs if r["direction"] == "up"]
        out.append(dict(setting=SETTINGS[setting], scheme=variant, handovers=len(down),
                        down_latency_ms=round(mean(down, "latency_ms"), 2),
                        down_loss_period_ms=round(mean(down, "loss_period_ms"), 2),
                        down_lost_packets=round(mean(down, "lost_packets"), 2),
                        up_latency_ms=round(mean(up, "latency_ms"), 2),
                        up_loss_period_ms=round(mean(up, "loss_period_ms"), 2),
                        up_lost_packets=round(mean(up, "lost_packets"), 2),
                        max_extra_delay_ms=round(mean(down, "max_extra_delay_ms"), 2),
                        signalling_messages=round(mean(down, "signalling_messages"), 2),
                        signalling_bytes=round(mean(down, "signalling_bytes"), 1),
                        extended=EXTENDED[variant]))
    return out


def write_csv(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def plot(outdir, s52, t1):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    os.makedirs(os.path.join(outdir, "plots"), exist_ok=True)
    accesses = sorted({r["access"] for r in s52})
    style = {"pmipv6": ("black", "s"), "cr-forward": ("tab:blue", "o"),
             "cr-buffer": ("tab:green", "^")}
    fig, axes = plt.subplots(2, len(accesses), figsize=(5 * len(accesses), 8), squeeze=False)
    for col, access in enumerate(accesses):
        for row, (key, title) in enumerate((("latency_ms", "handover latency (drop period)"),
                                            ("loss_period_ms", "downlink loss period"))):
            ax = axes[row][col]
            for variant, (color, marker) in style.items():
                pts = [r for r in s52 if r["access"] == access and r["variant"] == variant]
                if not pts:
                    continue
                x = [r["rtt_mag_lma_ms"] for r in pts]
                ax.plot(x, [r[key] for r in pts], marker=marker, color=color, linestyle="",
                        label=variant + " (simulated)")
                if key == "latency_ms" and variant != "cr-buffer":
                    ax.plot(x, [r["paper_drop_period_ms"] for r in pts], color=color,
                            linestyle="--", label=variant.split("-")[0] + " (the paper)")
            ax.set_title("%s: %s" % (access, title), fontsize=9)
            ax.set_xlabel("RTT_MAG-LMA (ms)")
            ax.set_ylabel("ms")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=7)
    fig.suptitle("The Context Reflector paper, sec. 5.2: simulated (markers) and the paper's "
                 "expressions (dashed)", fontsize=10)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "plots", "sec52.png"), dpi=120)
    plt.close(fig)

    cols = ["setting", "scheme", "down_latency_ms", "down_loss_period_ms", "up_loss_period_ms",
            "max_extra_delay_ms", "signalling_messages", "signalling_bytes", "extended"]
    fig, ax = plt.subplots(figsize=(15, 0.5 + 0.4 * len(t1)))
    ax.axis("off")
    table = ax.table(cellText=[[str(r[c]) for c in cols] for r in t1], colLabels=cols,
                     loc="center", cellLoc="center")
    table.auto_set_font_size(False)
    table.set_fontsize(7)
    table.scale(1, 1.3)
    ax.set_title("The Context Reflector paper's Table 1, measured (ideal access, RTT_MAG-MAG 10, "
                 "RTT_MAG-AP 5 ms, Tpred 40 ms, 1 ms probes)", fontsize=9)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "plots", "table1.png"), dpi=120)
    plt.close(fig)


def main(outdir):
    s52 = sec52(read(os.path.join(outdir, "raw-sec52.csv")))
    t1 = table1(read(os.path.join(outdir, "raw-table1.csv")))
    write_csv(os.path.join(outdir, "sec52.csv"), s52)
    write_csv(os.path.join(outdir, "table1.csv"), t1)
    plot(outdir, s52, t1)
    print("sec. 5.2 (mean over handovers; paper = DHO,L2 + RTT + 1.6776 for PMIPv6, DHO,L2 for CR)")
    for r in s52:
        print("  %-22s %-11s RTT %4g: latency %7.2f (paper %7.2f, dev %+6.2f) loss %6.2f up-loss %6.2f"
              % (r["access"], r["variant"], r["rtt_mag_lma_ms"], r["latency_ms"],
                 r["paper_drop_period_ms"], r["deviation_ms"], r["loss_period_ms"],
                 r["uplink_loss_period_ms"]))
    print("Table 1 as measured")
    for r in t1:
        print("  " + ", ".join("%s=%s" % kv for kv in r.items()))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "results-cr")
