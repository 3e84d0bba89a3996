#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Table of handover latency against the number of MNs (scenarios/run-mns-study.sh).

Usage: python3 plotting/mns_table.py RAW.csv

RAW.csv: rows of handover-scenario (sweep.py --raw), provenance lines first.
One line per (N, probed MNs, background interval): the channel load the
scenario estimated, whether that is above its limit (the provenance's
load_warn_fraction), and the mean / maximum latency (ms) of the handovers
into each MAG in each direction, with how many there were. With the
run-mns-study.sh set-up, handovers into MAG0 meet the N MNs' load, those
into MAG1 only the probed MNs'.
"""
import csv
import math
import sys


def main(path):
    with open(path, newline="") as f:
        lines = f.readlines()
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    # The scenario's load limit, as sweep.py recorded it in the provenance.
    limit = math.inf
    for line in lines:
        if line.startswith("# load_warn_fraction: "):
            limit = float(line.split(": ", 1)[1])
    groups = {}
    for r in rows:
        key = (int(r["mns"]), int(r["probed_mns"]), float(r["background_interval_ms"]))
        groups.setdefault(key, []).append(r)
    cells = [("down", 0), ("up", 0), ("down", 1), ("up", 1)]
    print("%4s %6s %6s %7s %6s  %s" % ("N", "probed", "bg_ms", "load_%", "warns", "  ".join(
        "%-16s" % ("%s into MAG%d" % c) for c in cells)))
    for key in sorted(groups):
        members = groups[key]
        load = float(members[0]["channel_load"]) if members[0]["channel_load"] else math.nan
        text = []
        for direction, mag in cells:
            latency = [float(r["latency_ms"]) for r in members
                       if r["direction"] == direction and int(r["to_mag"]) == mag]
            text.append("%-16s" % ("%.1f / %.1f (%d)" % (sum(latency) / len(latency),
                                                         max(latency), len(latency))
                                   if latency else "-"))
        print("%4d %6d %6g %7.0f %6s  %s" % (key[0], key[1], key[2], 100 * load,
                                             "yes" if load > limit else "no", "  ".join(text)))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    main(sys.argv[1])
