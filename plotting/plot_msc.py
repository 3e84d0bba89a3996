#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Message sequence chart of one handover, drawn from the event trace.

Usage: python3 plotting/plot_msc.py TRACE.csv OUT.png|OUT.pdf [--mn MN0] [--handover K]
                                    [--title TEXT]

TRACE.csv is what `handover-scenario --trace=FILE` writes (provenance lines
starting with '#', then time_ms,node,event,message,mn,peer,uid,details);
`handover-scenario --msc=OUT.png` runs this script itself. The chart shows
handover K (0: the first) of the mobile node: one lifeline per node that
takes part (MN, MAGs, LMA, CN and any other agent), time downwards; each
message an arrow from its send time at the sender to its receive time at
the receiver (paired by packet uid; a message never received ends in a
cross), the MN's link loss and attach as dashed lines to its access point's
MAG, state changes as small notes, and the spans in which a node buffered
or forwarded the MN's data packets as bars on its lifeline. Nothing is
computed: every mark is an event of the simulation.
"""

import argparse
import csv
import os
import sys

WINDOW_BEFORE_MS = 250.0  # the furthest back a handover's signalling may start (Tpred)
WINDOW_AFTER_MS = 300.0   # the furthest after the link loss it may end
MESSAGE_EVENTS = ("send", "receive")
BAND_EVENTS = {"buffered": "#f0a030", "forwarded": "#3080f0"}


def read_trace(path):
    """Rows of the trace with time_ms as float and uid as int, and its provenance fields."""
    with open(path, newline="") as f:
        lines = f.readlines()
    fields = dict(line[2:].rstrip("\n").split(": ", 1) for line in lines
                  if line.startswith("# ") and ": " in line)
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    for row in rows:
        row["time_ms"] = float(row["time_ms"])
        row["uid"] = int(row["uid"] or 0)
    return rows, fields


def scheme_of(fields):
    """"pmipv6", or "fpmipv6, Tpred 40ms": the run's scheme from its command line."""
    options = dict(a[2:].split("=", 1) for a in fields.get("command_line", "").split()
                   if a.startswith("--") and "=" in a)
    scheme = options.get("scheme", "pmipv6")
    tpred = options.get("tpred", "0ms")
    return scheme + ("" if tpred in ("0ms", "0") else ", Tpred " + tpred)


def select_handover(rows, mn=None, handover=0):
    """The events of one handover of one MN: (mn, link-loss time, rows in its window)."""
    downs = [r for r in rows if r["event"] == "link-down" and r["node"].startswith("MN")
             and (mn is None or r["node"] == mn)]
    if mn is None and downs:
        mn = downs[0]["node"]
        downs = [r for r in downs if r["node"] == mn]
    if handover >= len(downs):
        raise SystemExit("plot_msc: %s has %d handover(s) in the trace, not %d"
                         % (mn or "no MN", len(downs), handover + 1))
    t_down = downs[handover]["time_ms"]
    # From the RA that ended the previous attach (or WINDOW_BEFORE_MS back)
    # to the next link loss (or WINDOW_AFTER_MS on).
    previous_ra = [r["time_ms"] for r in rows if r["node"] == mn and r["message"] == "RA"
                   and r["event"] == "receive" and r["time_ms"] < t_down]
    start = max([t_down - WINDOW_BEFORE_MS] + [t + 1e-6 for t in previous_ra])
    later = [d["time_ms"] for d in downs[handover + 1:]]
    end = min([t_down + WINDOW_AFTER_MS] + later)
    events = [r for r in rows if start <= r["time_ms"] < end and (r["mn"] == mn or r["node"] == mn)]
    return mn, t_down, events


def lifelines(events):
    """Nodes in drawing order: MNs, MAGs, LMA, CN, then any other agent."""
    names = {r["node"] for r in events} | {r["peer"] for r in events if r["peer"]}
    names = {n for n in names if ":" not in n}  # addresses without a node name

    def rank(name):
        for i, prefix in enumerate(("MN", "MAG", "LMA", "CN")):
            if name.startswith(prefix):
                digits = name[len(prefix):]
                return (i, int(digits) if digits.isdigit() else 0, name)
        return (4, 0, name)
    return sorted(names, key=rank)


def message_arrows(events):
    """(send, receive or None) for every message sent to a node with a lifeline.

    A send and its receive carry the same packet uid; the MAG's RA (its
    trace has no packet) pairs with the MN's next RA from that MAG.
    """
    nodes = set(lifelines(events))
    receives = {}
    for r in events:
        if r["event"] == "receive":
            receives.setdefault((r["uid"], r["node"]), []).append(r)
    ra_receives = [r for r in events if r["event"] == "receive" and r["message"] == "RA"]
    arrows = []
    for r in events:
        if r["event"] != "send" or r["peer"] not in nodes:
            continue
        got = receives.get((r["uid"], r["peer"]), []) if r["uid"] else []
        if r["message"] == "RA":
            got = [g for g in ra_receives if g["peer"] == r["node"] and g["time_ms"] >= r["time_ms"]]
        arrows.append((r, got[0] if got else None))
    return arrows


def draw(events, mn, t_down, out, title=None):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    nodes = lifelines(events)
    x = {n: i for i, n in enumerate(nodes)}
    t0 = min(r["time_ms"] for r in events)
    t1 = max(r["time_ms"] for r in events)
    span = max(t1 - t0, 1.0)
    fig, ax = plt.subplots(figsize=(2.0 + 1.9 * len(nodes), 3.0 + span / 9.0))
    for n in nodes:
        ax.plot([x[n], x[n]], [t0 - 0.03 * span, t1 + 0.03 * span], color="0.6", lw=1, zorder=0)
        ax.text(x[n], t0 - 0.05 * span, n, ha="center", va="bottom", fontsize=10,
                fontweight="bold", bbox=dict(boxstyle="round", fc="0.92", ec="0.5"))

    # Marks that fall at one instant are stacked instead of drawn on top of each other.
    stacked = {}

    def stack(key):
        stacked[key] = stacked.get(key, -1) + 1
        return stacked[key]

    for r, received in message_arrows(events):
        color = "tab:blue" if r["node"].startswith("MAG") and r["peer"].startswith("MAG") \
            else "tab:green" if r["message"] == "RA" else "black"
        label = r["message"] + (" (lifetime 0)" if "lifetime=0s" in r["details"] else "")
        x0, y0 = x[r["node"]], r["time_ms"]
        if received:
            x1, y1 = x[r["peer"]], received["time_ms"]
            ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=1.2))
        else:  # never received in the window: lost or late
            x1, y1 = x0 + 0.5 * (x[r["peer"]] - x0), y0 + 0.02 * span
            ax.plot([x0, x1], [y0, y1], color=color, lw=1.2)
            ax.plot([x1], [y1], marker="x", color="red", ms=8)
        at = 0.5 - 0.22 * stack(("label", r["node"], round(y0, 1)))
        ax.text(x0 + at * (x1 - x0), y0 + at * (y1 - y0), label, fontsize=8, ha="center",
                va="bottom",
                color=color, rotation=0, bbox=dict(fc="white", ec="none", alpha=0.8, pad=0.5))

    for r in events:
        if r["event"] in ("link-down", "link-up") and r["peer"] in x:
            down = r["event"] == "link-down"
            ax.plot([x[r["node"]], x[r["peer"]]], [r["time_ms"]] * 2, ls="--",
                    color="red" if down else "tab:green", lw=1.2)
            ax.text(x[r["node"]] - 0.08, r["time_ms"], "L2 link lost" if down else "L2 attach",
                    ha="right", va="center", fontsize=8, color="red" if down else "tab:green")
        elif r["event"] == "drop":
            ax.plot([x[r["node"]]], [r["time_ms"]], marker="x", color="red", ms=9)
            ax.text(x[r["node"]] + 0.08, r["time_ms"], "drop " + r["message"], fontsize=7,
                    color="red", va="center")
        elif r["event"] in ("state", "attach", "detach", "binding", "handoverrefused"):
            note = r["details"].split(" hnp=")[0] if r["event"] == "binding" else \
                r["details"].split(" ")[-1] if r["event"] == "state" else r["event"]
            if r["event"] == "binding":
                note = "binding " + note
            y = r["time_ms"] + 0.018 * span * stack(("note", r["node"], round(r["time_ms"], 1)))
            ax.text(x[r["node"]] + 0.06, y, note, fontsize=6.5, color="0.35",
                    va="center", ha="left", style="italic")

    # Buffering and forwarding: one bar per node over the span of its events.
    for event, color in BAND_EVENTS.items():
        for n in nodes:
            times = [r["time_ms"] for r in events if r["event"] == event and r["node"] == n]
            if times:
                ax.add_patch(plt.Rectangle((x[n] - 0.05, min(times)), 0.1,
                                           max(max(times) - min(times), 0.4), color=color,
                                           alpha=0.6, zorder=1))
                ax.text(x[n] - 0.08, (min(times) + max(times)) / 2,
                        "%s\n%d packets" % (event, len(times)), fontsize=7, color=color,
                        ha="right", va="center")

    ax.set_xlim(-0.9, len(nodes) - 0.3)
    ax.set_ylim(t1 + 0.06 * span, t0 - 0.09 * span)
    ax.set_xticks([])
    ax.set_ylabel("simulation time (ms)")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.set_title(title or "Handover of %s, link lost at %.3f ms" % (mn, t_down), fontsize=11)
    fig.tight_layout()
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("trace")
    p.add_argument("out", help="the chart: .png or .pdf")
    p.add_argument("--mn", help="the mobile node (default: the first that hands over)")
    p.add_argument("--handover", type=int, default=0, help="which of its handovers, from 0")
    p.add_argument("--title")
    args = p.parse_args(argv)
    if not args.out.endswith((".png", ".pdf")):
        p.error("the chart must be a .png or .pdf file")
    rows, fields = read_trace(args.trace)
    mn, t_down, events = select_handover(rows, args.mn, args.handover)
    title = args.title or "%s: handover of %s, link lost at %.3f ms" % (scheme_of(fields), mn,
                                                                         t_down)
    draw(events, mn, t_down, args.out, title)
    print("plot_msc: %s, handover %d (%d events) -> %s" % (mn, args.handover, len(events),
                                                           args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
